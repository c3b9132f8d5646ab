export interface paths {} export interface components { schemas: {} } export interface operations {}
