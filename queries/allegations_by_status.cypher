// title: Allegations by status
// description: Every accusation (ACCUSED_IN) piece by piece of evidence, grouped by its status:
//   alleged (an accusation), admitted (the accused is reported to admit it), denied, found
//   (a body ruled on it), and any other status you list. One row per accusation and status,
//   with the accounts that give it that status and one quote.
// question: Which accusations are only alleged, and which were admitted, denied or found?
// param: statuses list = alleged,admitted,denied,found -- statuses to show
// param: limit integer = 500 -- at most this many rows (found first, then admitted, denied, alleged)
// returns: status; accused; incident; incident_kind; incident_date; occurred_in (organisations
//   and branches); accounts (accounts giving this status); quote; accused_id; incident_id
MATCH (p:Person)-[a:ACCUSED_IN]->(i:Incident)
WHERE any(st IN a.statuses WHERE st IN $statuses)
UNWIND range(0, size(a.ev_status) - 1) AS k
WITH p, a, i, a.ev_status[k] AS status, a.ev_account[k] AS account, a.ev_quote[k] AS evidence
WHERE status IN $statuses
WITH p, i, status, collect(DISTINCT account) AS accounts, collect(evidence) AS quotes
WITH p, i, status, accounts, quotes
ORDER BY CASE status WHEN 'found' THEN 0 WHEN 'admitted' THEN 1 WHEN 'denied' THEN 2 WHEN 'alleged' THEN 3 ELSE 4 END,
         status, p.name, i.name
LIMIT $limit
RETURN status,
       p.name AS accused,
       i.name AS incident,
       i.kind AS incident_kind,
       coalesce(i.date, i.date_text) AS incident_date,
       [(i)-[:OCCURRED_IN]->(place) | place.name] AS occurred_in,
       size(accounts) AS accounts,
       quotes[0] AS quote,
       p.id AS accused_id,
       i.id AS incident_id
