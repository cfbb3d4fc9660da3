// title: People accused in more than one incident
// description: Each person the accounts accuse (ACCUSED_IN) in at least min_incidents
//   incidents, with the incidents, the statuses of the accusations (alleged, admitted,
//   denied, found ...) and how many accounts make them.
// question: Who is accused again and again, and how firmly?
// param: min_incidents integer = 2 -- the fewest incidents for a person to be listed
// param: limit integer = 200 -- at most this many people, the most accused first
// returns: person; identity; incident_count; incidents ("kind: name [statuses]"); statuses
//   (every status of those accusations); accounts (distinct accounts supporting the
//   accusations); quote (one accusation's evidence); person_id
MATCH (p:Person)-[a:ACCUSED_IN]->(:Incident)
WITH p, count(a) AS incident_count
WHERE incident_count >= $min_incidents
WITH p, incident_count ORDER BY incident_count DESC, p.name LIMIT $limit
// Counting reads no relationship properties; the accusations' statuses and accounts
// are read only for the people shown.
MATCH (p)-[a:ACCUSED_IN]->(i:Incident)
WITH p, incident_count,
     collect(coalesce(i.kind, 'incident') + ': ' + i.name + ' [' + reduce(s1 = '', st1 IN a.statuses | CASE WHEN s1 = '' THEN st1 ELSE s1 + ', ' + st1 END) + ']') AS incidents,
     collect(a.statuses) AS status_lists, collect(a.accounts) AS account_lists, collect(a.ev_quote[0]) AS quotes
RETURN p.name AS person,
       p.identity AS identity,
       incident_count,
       incidents,
       reduce(seen = [], sl IN status_lists | seen + [sx IN sl WHERE NOT sx IN seen]) AS statuses,
       size(reduce(seen2 = [], al IN account_lists | seen2 + [ax IN al WHERE NOT ax IN seen2])) AS accounts,
       quotes[0] AS quote,
       p.id AS person_id
ORDER BY incident_count DESC, person
