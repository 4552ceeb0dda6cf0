/** The SOQL date literals live in shared/: the query builder in the renderer offers the same list. */
export { DATE_LITERALS, DATE_N_LITERALS } from '../../../shared/soql-date-literals';
