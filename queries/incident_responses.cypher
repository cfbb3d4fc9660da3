// title: Incident → response chains
// description: Each incident with who is accused (and with what status), who was harmed, who
//   raised it and to whom, then every response to it, one row per response: its kind, who
//   took it (with status), its date and outcome, and what it led to. Responses to a response
//   (a ban over how a complaint was treated) are included as step 2. An incident nobody
//   responded to still gets one row with empty response columns. Filter by account,
//   organisation or one incident; leave a filter empty to skip it.
// question: What happened after each incident was raised, and who acted?
// param: account string = "" -- only incidents told by this account (its id); empty for all
// param: organization string = "" -- only incidents that occurred in this organisation or its units (id, name or alias); empty for all
// param: incident string = "" -- only this incident (its id); empty for all
// param: limit integer = 500 -- at most this many rows
// returns: incident; incident_kind; incident_date; accused ("name [statuses]"); harmed;
//   raised_by; raised_to; step (1 responds to the incident, 2 to a response to it);
//   response; response_kind; response_date; taken_by ("name [statuses]"); description; outcome;
//   led_to ("kind: name" of what the response led to); accounts (accounts supporting the
//   response, else the incident); quote; incident_id; response_id; nodes; relationships
// draws: nodes, relationships
WITH toLower(trim($organization)) AS wanted
OPTIONAL MATCH (o:Organization)
WHERE $organization <> '' AND (o.id = $organization OR (' | ' + o.search_text) CONTAINS (' | ' + wanted + ' | '))
OPTIONAL MATCH (part)-[:PART_OF*0..2]->(o)
WITH collect(DISTINCT part.id) AS unit_ids
MATCH (i:Incident)
WHERE ($account = '' OR $account IN i.accounts)
  AND ($incident = '' OR i.id = $incident)
// FalkorDB refuses a pattern comprehension inside MATCH ... WHERE; a WITH takes it.
WITH i, unit_ids, [(i)-[:OCCURRED_IN]->(pl) | pl.id] AS places
WHERE $organization = '' OR any(place IN places WHERE place IN unit_ids)
OPTIONAL MATCH chain = (r:Response)-[:RESPONDS_TO*1..2]->(i)
WITH i, r, collect(chain) AS chains
WITH i, r, chains[0] AS chain
WITH i, r, chain,
     [(a:Person)-[ax:ACCUSED_IN]->(i) | ax] AS accusations,
     [(t:Person)-[tx:TARGET_OF]->(i) | tx] AS harms,
     [(r)-[bx:TAKEN_BY]->(b) | bx] AS actions
WITH i, r, chain, accusations, harms, actions,
     accusations + harms + actions + coalesce(relationships(chain), []) AS drawn
RETURN i.name AS incident,
       i.kind AS incident_kind,
       coalesce(i.date, i.date_text) AS incident_date,
       [ax IN accusations | startNode(ax).name + ' [' + reduce(s1 = '', st1 IN ax.statuses | CASE WHEN s1 = '' THEN st1 ELSE s1 + ', ' + st1 END) + ']'] AS accused,
       [tx IN harms | startNode(tx).name + ' [' + reduce(s2 = '', st2 IN tx.statuses | CASE WHEN s2 = '' THEN st2 ELSE s2 + ', ' + st2 END) + ']'] AS harmed,
       [(w:Person)-[:REPORTED]->(i) | w.name] AS raised_by,
       [(i)-[:REPORTED_TO]->(rt) | rt.name] AS raised_to,
       length(chain) AS step,
       r.name AS response,
       r.kind AS response_kind,
       coalesce(r.date, r.date_text) AS response_date,
       [bx IN actions | endNode(bx).name + ' [' + reduce(s3 = '', st3 IN bx.statuses | CASE WHEN s3 = '' THEN st3 ELSE s3 + ', ' + st3 END) + ']'] AS taken_by,
       r.description AS description,
       r.outcome AS outcome,
       [(r)-[:LED_TO]->(nx) | coalesce(nx.kind, labels(nx)[0]) + ': ' + nx.name] AS led_to,
       coalesce(r.account_count, i.account_count) AS accounts,
       coalesce(r.ev_quote[0], i.ev_quote[0]) AS quote,
       i.id AS incident_id,
       r.id AS response_id,
       reduce(acc = [{id: i.id, name: i.name, label: 'Incident'}], dx IN drawn |
              acc + [dn IN [startNode(dx), endNode(dx)] WHERE NOT dn.id IN [an IN acc | an.id] |
                     {id: dn.id, name: dn.name, label: labels(dn)[0]}]) AS nodes,
       [dy IN drawn | {source: startNode(dy).id, target: endNode(dy).id, type: type(dy)}] AS relationships
ORDER BY coalesce(i.date, '9999'), i.id, step, coalesce(r.date, '9999'), response
LIMIT $limit
