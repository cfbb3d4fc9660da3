// title: Conflicts of interest
// description: People who handled a complaint (it was reported to them, or they took a
//   response to it) and who also shared a branch, a leadership body, a faction or an event
//   with the person accused in it.
// question: Did the people who dealt with an accusation have ties to the accused?
// returns: official; official_roles; handled (how: "reported to", or "took <kind>");
//   accused; incident; incident_kind; shared_units ("Label: name"); shared_events
//   ("kind: name"); accounts (accounts supporting the incident); quote; official_id;
//   accused_id; incident_id
MATCH (accused:Person)-[:ACCUSED_IN]->(i:Incident)
OPTIONAL MATCH (i)<-[:RESPONDS_TO]-(r:Response)-[:TAKEN_BY]->(taker:Person)
WITH accused, i, collect({official: taker, how: 'took ' + r.kind}) AS takers
OPTIONAL MATCH (i)-[:REPORTED_TO]->(recipient:Person)
WITH accused, i, takers, collect({official: recipient, how: 'reported to'}) AS recipients
UNWIND takers + recipients AS handling
WITH accused, i, handling.official AS official, collect(DISTINCT handling.how) AS handled
WHERE official IS NOT NULL AND official.id <> accused.id
WITH accused, i, official, handled,
     [(official)-[:MEMBER_OF]->(su)<-[:MEMBER_OF]-(accused) WHERE su:Branch OR su:LeadershipBody OR su:Faction | labels(su)[0] + ': ' + su.name] AS shared_units,
     [(official)-[:PARTICIPATED_IN]->(se:Event)<-[:PARTICIPATED_IN]-(accused) | coalesce(se.kind, 'event') + ': ' + se.name] AS shared_events
WHERE size(shared_units) + size(shared_events) > 0
RETURN official.name AS official,
       [(official)-[:HOLDS_ROLE]->(role:Role) | role.name] AS official_roles,
       handled,
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
ORDER BY official, accused, incident
