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

// Labelled ends let FalkorDB traverse by label (several times faster than filtering
// an unlabelled end), hence one UNION part per label.
CALL {
  MATCH (i:Incident)-[:REPORTED_TO]->(b:LeadershipBody)
  RETURN i, b
  UNION
  MATCH (i:Incident)-[:REPORTED_TO]->(b:Person)
  WHERE $include_people
  RETURN i, b
}
WITH i, collect(b.name) AS raised_to
OPTIONAL MATCH (r:Response)-[:RESPONDS_TO]->(i)
WITH i, raised_to, collect(DISTINCT r) AS responses
WHERE all(rx IN responses WHERE rx.kind IN $ignored_kinds)
WITH i, raised_to, responses
ORDER BY size(responses), coalesce(i.date, '9999'), i.name
LIMIT $limit
// The people are looked up only for the rows shown (a pattern comprehension per row
// is costly on FalkorDB).
RETURN i.name AS incident,
       i.kind AS incident_kind,
       coalesce(i.date, i.date_text) AS incident_date,
       [(a:Person)-[:ACCUSED_IN]->(i) | a.name] AS accused,
       [(w:Person)-[:REPORTED]->(i) | w.name] AS raised_by,
       raised_to,
       CASE WHEN size(responses) = 0 THEN 'no response'
            ELSE 'only ' + reduce(ks = '', kx IN $ignored_kinds | CASE WHEN ks = '' THEN kx ELSE ks + '/' + kx END)
       END AS verdict,
       [ry IN responses | ry.kind + ': ' + ry.name] AS responses,
       i.account_count AS accounts,
       i.ev_quote[0] AS quote,
       i.id AS incident_id
