// title: Facts resting on one account
// description: Accusations and other weighty relationships (by default who is accused, who
//   was harmed, who took a response and whom it affected) that only one account supports,
//   with that account and its quote. These are the claims a researcher should seek a second
//   source for.
// question: Which claims rest on a single testimony?
// param: types list = ACCUSED_IN,TARGET_OF,TAKEN_BY,AFFECTS -- relationship types to check, among ACCUSED_IN, TARGET_OF, TAKEN_BY, AFFECTS, REPORTED, REPORTED_TO, WITNESSED, RESPONDS_TO, MEMBER_OF, HOLDS_ROLE, LEFT, PARTICIPATED_IN, LED_TO
// param: limit integer = 100 -- at most this many rows of each type (the first found, not a ranking)
// returns: type; source; target; statuses; account (the one supporting account); title (its
//   title); quote; source_id; target_id

// One typed part per relationship type: a typed scan reads far fewer relationships
// than an untyped one filtered by type(r), and relationship properties are costly to
// read on FalkorDB. Each part stops at $limit rows, so nothing is sorted beforehand,
// and a part whose type is not asked for is skipped before it scans (its UNWIND is empty).
CALL {
  UNWIND [wanted IN $types WHERE wanted = 'ACCUSED_IN'] AS asked
  MATCH (a:Person)-[r:ACCUSED_IN]->(b:Incident)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'TARGET_OF'] AS asked
  MATCH (a:Person)-[r:TARGET_OF]->(b:Incident)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'TAKEN_BY'] AS asked
  MATCH (a:Response)-[r:TAKEN_BY]->(b)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'AFFECTS'] AS asked
  MATCH (a:Response)-[r:AFFECTS]->(b)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'REPORTED'] AS asked
  MATCH (a:Person)-[r:REPORTED]->(b:Incident)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'REPORTED_TO'] AS asked
  MATCH (a:Incident)-[r:REPORTED_TO]->(b)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'WITNESSED'] AS asked
  MATCH (a:Person)-[r:WITNESSED]->(b:Incident)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'RESPONDS_TO'] AS asked
  MATCH (a:Response)-[r:RESPONDS_TO]->(b)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'MEMBER_OF'] AS asked
  MATCH (a:Person)-[r:MEMBER_OF]->(b)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'HOLDS_ROLE'] AS asked
  MATCH (a:Person)-[r:HOLDS_ROLE]->(b:Role)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'LEFT'] AS asked
  MATCH (a:Person)-[r:LEFT]->(b)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'PARTICIPATED_IN'] AS asked
  MATCH (a)-[r:PARTICIPATED_IN]->(b:Event)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
  UNION ALL
  UNWIND [wanted IN $types WHERE wanted = 'LED_TO'] AS asked
  MATCH (a)-[r:LED_TO]->(b)
  WHERE r.account_count = 1
  RETURN a, r, b LIMIT $limit
}
WITH a, r, b, r.accounts[0] AS account
OPTIONAL MATCH (acc:Account {id: account})
RETURN type(r) AS type,
       a.name AS source,
       b.name AS target,
       r.statuses AS statuses,
       account,
       acc.title AS title,
       r.ev_quote[0] AS quote,
       a.id AS source_id,
       b.id AS target_id
