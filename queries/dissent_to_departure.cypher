// title: From dissent to departure
// description: Chains the accounts narrate from a dissent incident to a resignation: the
//   dissent, then the responses it drew (or what it led to), step by step along LED_TO, up to
//   a resigned event. A chain may start with a response to the dissent (RESPONDS_TO) and then
//   follow what that response led to. One row per chain, shortest first.
// question: How did raising disagreement end in people leaving?
// param: organization string = "" -- only dissent that occurred in this organisation or its units (id, name or alias); empty for all
// param: require_response boolean = true -- keep only chains that pass through at least one response
// param: limit integer = 200 -- at most this many chains
// returns: dissent; dissent_date; raised_by; steps ("Label kind: name" from the dissent to the
//   departure); departure; departure_date; who_left (participants of the resigned event);
//   length; accounts (accounts supporting the dissent); quote; dissent_id; departure_id;
//   nodes; relationships
// draws: nodes, relationships
WITH toLower(trim($organization)) AS wanted
OPTIONAL MATCH (o:Organization)
WHERE $organization <> '' AND (o.id = $organization OR (' | ' + o.search_text) CONTAINS (' | ' + wanted + ' | '))
OPTIONAL MATCH (part)-[:PART_OF*0..2]->(o)
WITH collect(DISTINCT part.id) AS unit_ids
MATCH (d:Incident)
WHERE d.kind = 'dissent'
WITH d, unit_ids, [(d)-[:OCCURRED_IN]->(pl) | pl.id] AS places
WHERE $organization = '' OR any(place IN places WHERE place IN unit_ids)
OPTIONAL MATCH (first:Response)-[opening:RESPONDS_TO]->(d)
WITH d, collect({node: first, rel: opening}) AS openings
UNWIND [{node: d, rel: null}] + [op IN openings WHERE op.node IS NOT NULL] AS start
WITH d, start.node AS s, start.rel AS opening
MATCH chain = (s)-[:LED_TO*1..4]->(e:Event)
WHERE e.kind = 'resigned'
WITH d, e, [x IN [opening] WHERE x IS NOT NULL] + relationships(chain) AS drawn,
     CASE WHEN opening IS NULL THEN nodes(chain) ELSE [d] + nodes(chain) END AS walked
// The same walk can be reached twice (a response both RESPONDS_TO the dissent and is
// what it LED_TO): keep one row per sequence of nodes.
WITH d, e, [wk IN walked | wk.id] AS walk, collect({walked: walked, drawn: drawn})[0] AS picked
WITH d, e, picked.walked AS walked, picked.drawn AS drawn
WHERE NOT $require_response OR any(step IN walked WHERE 'Response' IN labels(step))
RETURN d.name AS dissent,
       coalesce(d.date, d.date_text) AS dissent_date,
       [(w:Person)-[:REPORTED]->(d) | w.name] AS raised_by,
       [wn IN walked | labels(wn)[0] + ' ' + coalesce(wn.kind, '') + ': ' + wn.name] AS steps,
       e.name AS departure,
       coalesce(e.date, e.date_text) AS departure_date,
       [(leaver:Person)-[:PARTICIPATED_IN]->(e) | leaver.name] AS who_left,
       size(drawn) AS length,
       d.account_count AS accounts,
       d.ev_quote[0] AS quote,
       d.id AS dissent_id,
       e.id AS departure_id,
       [nn IN walked | {id: nn.id, name: nn.name, label: labels(nn)[0]}] AS nodes,
       [dr IN drawn | {source: startNode(dr).id, target: endNode(dr).id, type: type(dr)}] AS relationships
ORDER BY length, dissent, departure
LIMIT $limit
