// title: Ego network
// description: Everything within depth steps of an entity (in either direction, through
//   any relationship): one row per neighbour with its distance and the shortest path found
//   to it, plus that path's nodes and relationships for drawing. At most limit paths are
//   explored, so a very connected entity shows a sample; depth is capped at 3.
// question: Who and what is this entity connected to?
// param: entity string -- id, name or alias of the entity at the centre (case-insensitive)
// param: depth integer = 1 -- how many steps out (1 to 3)
// param: limit integer = 300 -- at most this many paths explored
// returns: centre; neighbour; label; kind; distance; via (the path as "a -TYPE-> b" steps);
//   accounts (accounts supporting the neighbour); quote; neighbour_id; nodes; relationships
// draws: nodes, relationships

// An id is found through the per-label id indexes; only when no label has it is the
// text taken as a name or alias (a scan of search_text, the lower-cased names).
OPTIONAL MATCH (id_person:Person {id: $entity})
OPTIONAL MATCH (id_organization:Organization {id: $entity})
OPTIONAL MATCH (id_branch:Branch {id: $entity})
OPTIONAL MATCH (id_body:LeadershipBody {id: $entity})
OPTIONAL MATCH (id_faction:Faction {id: $entity})
OPTIONAL MATCH (id_role:Role {id: $entity})
OPTIONAL MATCH (id_incident:Incident {id: $entity})
OPTIONAL MATCH (id_response:Response {id: $entity})
OPTIONAL MATCH (id_event:Event {id: $entity})
OPTIONAL MATCH (id_account:Account {id: $entity})
WITH coalesce(id_person, id_organization, id_branch, id_body, id_faction, id_role, id_incident, id_response, id_event, id_account) AS by_id, toLower(trim($entity)) AS wanted
OPTIONAL MATCH (by_name)
WHERE by_id IS NULL AND wanted <> '' AND by_name.search_text CONTAINS wanted
  AND (by_name.search_text STARTS WITH (wanted + ' |') OR by_name.search_text CONTAINS ('| ' + wanted + ' |'))
WITH coalesce(by_id, by_name) AS c
WHERE c IS NOT NULL
WITH c LIMIT 5
MATCH p = (c)-[*1..3]-(m)
WHERE length(p) <= $depth AND m.id <> c.id
WITH c, p LIMIT $limit
WITH c, last(nodes(p)) AS m, collect(p) AS paths
WITH c, m, reduce(best = head(paths), q IN paths | CASE WHEN length(q) < length(best) THEN q ELSE best END) AS path
RETURN c.name AS centre,
       m.name AS neighbour,
       labels(m)[0] AS label,
       m.kind AS kind,
       length(path) AS distance,
       [hop IN relationships(path) | startNode(hop).name + ' -' + type(hop) + '-> ' + endNode(hop).name] AS via,
       m.account_count AS accounts,
       m.ev_quote[0] AS quote,
       m.id AS neighbour_id,
       [pn IN nodes(path) | {id: pn.id, name: pn.name, label: labels(pn)[0]}] AS nodes,
       [pr IN relationships(path) | {source: startNode(pr).id, target: endNode(pr).id, type: type(pr)}] AS relationships
ORDER BY centre, distance, label, neighbour
