// Every shipped entity schema, for stories whose entities reference others (a document references
// customers, vehicles and products; a customer references classes and levels…): a store refuses an
// entity whose references point at entities it was not given.
import type { JsonSchema } from '@kehu/core';
import activity from '../schemas/activity.schema.json';
import customerClass from '../schemas/customer-class.schema.json';
import customerLevel from '../schemas/customer-level.schema.json';
import customer from '../schemas/customer.schema.json';
import document from '../schemas/document.schema.json';
import insurer from '../schemas/insurer.schema.json';
import opportunity from '../schemas/opportunity.schema.json';
import priceTier from '../schemas/price-tier.schema.json';
import product from '../schemas/product.schema.json';
import vehicle from '../schemas/vehicle.schema.json';

export const shippedSchemas = [
  customerClass,
  customerLevel,
  insurer,
  priceTier,
  customer,
  vehicle,
  product,
  document,
  opportunity,
  activity,
] as JsonSchema[];
