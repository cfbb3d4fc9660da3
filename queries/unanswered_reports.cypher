// title: Reports with no response, or only dismissal
// description: Incidents that were reported to a leadership body (or, if include_people is
//   true, to a person) and that got no recorded response at all, or only responses of the
//   kinds listed in ignored_kinds (by default dismissal and no action).
// question: Which complaints went nowhere?
// param: ignored_kinds list = dismissal,no_action -- response kinds that count as no real response
// param: include_people boolean = true -- also count incidents reported to individual people, not only to bodies
// param: limit integer = 200 -- at most this many incidents, those with no response at all first
// returns: incident; incident_kind; incident_date; accused; raised_by; raised_to; verdict
//   ("no response" or "only dismissal/no_action ..."); responses ("kind: name" of what it got);
//   accounts; quote; incident_id

// Set-based: the reported incidents (one UNION part per label, so FalkorDB
// traverses by label), their responses counted in one batched OPTIONAL MATCH,
// and only then, for the rows shown, the names around them (a pattern
// comprehension per row is costly on FalkorDB, so it runs for at most $limit rows).
CALL {
  MATCH (i:Incident)-[:REPORTED_TO]->(:LeadershipBody)
  RETURN i
  UNION
  MATCH (i:Incident)-[:REPORTED_TO]->(:Person)
  WHERE $include_people
  RETURN i
}
// Without a WITH here FalkorDB plans the OPTIONAL MATCH as a scan of every node per row.
WITH i
OPTIONAL MATCH (r:Response)-[:RESPONDS_TO]->(i)
WITH i, count(DISTINCT r) AS response_count,
     toInteger(sum(CASE WHEN r IS NULL OR r.kind IN $ignored_kinds THEN 0 ELSE 1 END)) AS real_responses
WHERE real_responses = 0
WITH i, response_count
ORDER BY response_count, coalesce(i.date, '9999'), i.name
LIMIT $limit
RETURN i.name AS incident,
       i.kind AS incident_kind,
       coalesce(i.date, i.date_text) AS incident_date,
       [(a:Person)-[:ACCUSED_IN]->(i) | a.name] AS accused,
       [(w:Person)-[:REPORTED]->(i) | w.name] AS raised_by,
       [(i)-[:REPORTED_TO]->(body:LeadershipBody) | body.name]
         + CASE WHEN $include_people THEN [(i)-[:REPORTED_TO]->(person:Person) | person.name] ELSE [] END AS raised_to,
       CASE WHEN response_count = 0 THEN 'no response'
            ELSE 'only ' + reduce(ks = '', kx IN $ignored_kinds | CASE WHEN ks = '' THEN kx ELSE ks + '/' + kx END)
       END AS verdict,
       [(ry:Response)-[:RESPONDS_TO]->(i) | ry.kind + ': ' + ry.name] AS responses,
       i.account_count AS accounts,
       i.ev_quote[0] AS quote,
       i.id AS incident_id
