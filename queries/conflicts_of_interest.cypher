// title: Conflicts of interest
// description: People who handled a complaint (it was reported to them, or they took a
//   response to it) and who also shared a branch, a leadership body, a faction or an event
//   with the person accused in it.
// question: Did the people who dealt with an accusation have ties to the accused?
// param: limit integer = 200 -- at most this many rows
// returns: official; official_roles; handled (how: "reported to", or "took <kind>");
//   accused; incident; incident_kind; shared_units ("Label: name"); shared_events
//   ("kind: name"); accounts (accounts supporting the incident); quote; official_id;
//   accused_id; incident_id

// Set-based: each way of handling a complaint and each kind of tie is one MATCH
// chain that closes on the accused, which FalkorDB runs as batched traversals
// ending in an Expand Into; only the few handler-accused pairs with a tie come
// out of it. (The earlier form collected every one of ~17,000 handled-complaint
// triples and then ran an OPTIONAL MATCH per triple: seconds on a large graph.)
CALL {
  MATCH (accused:Person)-[:ACCUSED_IN]->(i:Incident)-[:REPORTED_TO]->(official:Person)-[:MEMBER_OF]->(tie)<-[:MEMBER_OF]-(accused)
  RETURN accused, i, official, 'unit' AS tie_kind, tie
  UNION
  MATCH (accused:Person)-[:ACCUSED_IN]->(i:Incident)-[:REPORTED_TO]->(official:Person)-[:PARTICIPATED_IN]->(tie:Event)<-[:PARTICIPATED_IN]-(accused)
  RETURN accused, i, official, 'event' AS tie_kind, tie
  UNION
  MATCH (official:Person)<-[:TAKEN_BY]-(:Response)-[:RESPONDS_TO]->(i:Incident)<-[:ACCUSED_IN]-(accused:Person)-[:MEMBER_OF]->(tie)<-[:MEMBER_OF]-(official)
  RETURN accused, i, official, 'unit' AS tie_kind, tie
  UNION
  MATCH (official:Person)<-[:TAKEN_BY]-(:Response)-[:RESPONDS_TO]->(i:Incident)<-[:ACCUSED_IN]-(accused:Person)-[:PARTICIPATED_IN]->(tie:Event)<-[:PARTICIPATED_IN]-(official)
  RETURN accused, i, official, 'event' AS tie_kind, tie
}
// The unit's label is tested only now: inside the chains it made FalkorDB start
// from a scan of every node.
WITH accused, i, official, tie_kind, tie
WHERE official.id <> accused.id AND (tie_kind = 'event' OR tie:Branch OR tie:LeadershipBody OR tie:Faction)
WITH accused, i, official,
     collect(DISTINCT CASE WHEN tie_kind = 'unit' THEN labels(tie)[0] + ': ' + tie.name END) AS shared_units,
     collect(DISTINCT CASE WHEN tie_kind = 'event' THEN coalesce(tie.kind, 'event') + ': ' + tie.name END) AS shared_events
ORDER BY official.name, accused.name, i.name
LIMIT $limit
// How each official handled it, read only for the rows shown.
RETURN official.name AS official,
       [(official)-[:HOLDS_ROLE]->(role:Role) | role.name] AS official_roles,
       reduce(seen = [], how IN
                CASE WHEN size([(i)-[:REPORTED_TO]->(official) | 1]) > 0 THEN ['reported to'] ELSE [] END
                + [(i)<-[:RESPONDS_TO]-(resp:Response)-[:TAKEN_BY]->(official) | 'took ' + coalesce(resp.kind, 'a response')]
              | CASE WHEN how IN seen THEN seen ELSE seen + how END) AS handled,
       accused.name AS accused,
       i.name AS incident,
       i.kind AS incident_kind,
       shared_units,
       shared_events,
       i.account_count AS accounts,
       i.ev_quote[0] AS quote,
       official.id AS official_id,
       accused.id AS accused_id,
       i.id AS incident_id
