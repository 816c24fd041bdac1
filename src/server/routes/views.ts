/** Views over the events in view: facets, time series, the actor network, claims and their speakers, statistics. */
import type { Store } from "../../store/index.js";
import { decodeCursor, page } from "../cursor.js";
import { CLAIM, FACETS, NETWORK, pageOf, SPEAKERS, STATISTIC, TIMESERIES } from "../responses.js";
import { route, type Route } from "../route.js";
import { CLAIMS_QUERY, FILTERS_QUERY, NETWORK_QUERY, SPEAKERS_QUERY, STATISTICS_QUERY, TIMESERIES_QUERY } from "../schemas.js";
import { defined } from "./events.js";

/** Events the network is drawn from at most: the latest matching ones. */
export const NETWORK_SAMPLE = 10_000;

export function viewRoutes(store: Store): Route[] {
  return [
    route({
      method: "get", path: "/api/facets", tag: "views", role: "reader", query: FILTERS_QUERY, response: FACETS,
      summary: "Counts of the matching events by country, admin1, type and modality (each ignoring its own filter), and their date range",
    }, async ({ query }) => store.facets(defined(query))),
    route({
      method: "get", path: "/api/timeseries", tag: "views", role: "reader", query: TIMESERIES_QUERY, response: TIMESERIES,
      summary: "Events and their deaths per day, week or month, in one series or one per type, country or actor",
    }, async ({ query }) => {
      const { interval = "week", by = "none", top = 20, ...rest } = query;
      return store.timeSeries(defined(rest), { interval, by, top });
    }),
    route({
      method: "get", path: "/api/network", tag: "views", role: "reader", query: NETWORK_QUERY, response: NETWORK,
      summary: "Who does what to whom: the most active actors of the latest 10,000 matching events, event edges by type, and standing relations",
    }, async ({ query }) => {
      const { limit = 60, ...rest } = query;
      return store.network(defined(rest), { limit, sample: NETWORK_SAMPLE });
    }),
    route({
      method: "get", path: "/api/claims", tag: "views", role: "reader", query: CLAIMS_QUERY, response: pageOf(CLAIM),
      summary: "Claims, latest first; with event filters, those that a matching event rests on",
    }, async ({ query }) => {
      const { cursor, limit = 100, ...rest } = query;
      const rows = await store.claims({ ...defined(rest), limit: limit + 1, ...(cursor ? { after: decodeCursor(cursor) } : {}) });
      return page(rows, limit, (claim) => ({ value: null, id: claim.id }));
    }),
    route({
      method: "get", path: "/api/speakers", tag: "views", role: "reader", query: SPEAKERS_QUERY, response: SPEAKERS,
      summary: "Who the claims are from, the most quoted first, with how many of their claims are hedged",
    }, async ({ query }) => ({ items: await store.speakers(defined(query)) })),
    route({
      method: "get", path: "/api/statistics", tag: "views", role: "reader", query: STATISTICS_QUERY, response: pageOf(STATISTIC),
      summary: "Counts the documents state, latest first; with event filters, those of documents with a matching event",
    }, async ({ query }) => {
      const { cursor, limit = 100, ...rest } = query;
      const rows = await store.statistics({ ...defined(rest), limit: limit + 1, ...(cursor ? { after: decodeCursor(cursor) } : {}) });
      return page(rows, limit, (s) => ({ value: null, id: s.id }));
    }),
  ];
}
