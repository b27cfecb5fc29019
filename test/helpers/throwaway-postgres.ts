export { postgresInstalled, realServerAvailable, startThrowawayPostgres, type ThrowawayPostgres } from '../../hq/dev/throwaway-postgres.js';
