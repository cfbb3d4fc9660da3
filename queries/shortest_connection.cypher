// title: Shortest connection between two entities
// description: The shortest chains of relationships (in either direction, at most 4 steps)
//   linking two entities, shortest first: how a person is tied to a body, an incident or
//   another person. Each row is one path, with its steps in words and its nodes and
//   relationships for drawing.
// question: How are these two connected?
// param: source string -- id, name or alias of the first entity (case-insensitive)
// param: target string -- id, name or alias of the second entity (case-insensitive)
// param: paths integer = 3 -- how many of the shortest paths to show
// returns: source; target; hops; steps (the path as "a -TYPE-> b" steps); through (the
//   entities in between); nodes; relationships
// draws: nodes, relationships

// Each end is found through the per-label id indexes; only when no label has the id is
// the text taken as a name or alias (a scan of search_text, the lower-cased names).
OPTIONAL MATCH (source_person:Person {id: $source})
OPTIONAL MATCH (source_organization:Organization {id: $source})
OPTIONAL MATCH (source_branch:Branch {id: $source})
OPTIONAL MATCH (source_body:LeadershipBody {id: $source})
OPTIONAL MATCH (source_faction:Faction {id: $source})
OPTIONAL MATCH (source_role:Role {id: $source})
OPTIONAL MATCH (source_incident:Incident {id: $source})
OPTIONAL MATCH (source_response:Response {id: $source})
OPTIONAL MATCH (source_event:Event {id: $source})
OPTIONAL MATCH (source_account:Account {id: $source})
WITH coalesce(source_person, source_organization, source_branch, source_body, source_faction, source_role, source_incident, source_response, source_event, source_account) AS source_by_id, toLower(trim($source)) AS wanted
OPTIONAL MATCH (source_by_name)
WHERE source_by_id IS NULL AND wanted <> '' AND source_by_name.search_text CONTAINS wanted
  AND (source_by_name.search_text STARTS WITH (wanted + ' |') OR source_by_name.search_text CONTAINS ('| ' + wanted + ' |'))
WITH coalesce(source_by_id, source_by_name) AS a
WHERE a IS NOT NULL
WITH a LIMIT 5
OPTIONAL MATCH (target_person:Person {id: $target})
OPTIONAL MATCH (target_organization:Organization {id: $target})
OPTIONAL MATCH (target_branch:Branch {id: $target})
OPTIONAL MATCH (target_body:LeadershipBody {id: $target})
OPTIONAL MATCH (target_faction:Faction {id: $target})
OPTIONAL MATCH (target_role:Role {id: $target})
OPTIONAL MATCH (target_incident:Incident {id: $target})
OPTIONAL MATCH (target_response:Response {id: $target})
OPTIONAL MATCH (target_event:Event {id: $target})
OPTIONAL MATCH (target_account:Account {id: $target})
WITH a, coalesce(target_person, target_organization, target_branch, target_body, target_faction, target_role, target_incident, target_response, target_event, target_account) AS target_by_id, toLower(trim($target)) AS wanted
OPTIONAL MATCH (target_by_name)
WHERE target_by_id IS NULL AND wanted <> '' AND target_by_name.search_text CONTAINS wanted
  AND (target_by_name.search_text STARTS WITH (wanted + ' |') OR target_by_name.search_text CONTAINS ('| ' + wanted + ' |'))
WITH a, coalesce(target_by_id, target_by_name) AS b
WHERE b IS NOT NULL AND b.id <> a.id
WITH a, b LIMIT 25
MATCH p = (a)-[*1..4]-(b)
WITH a, b, p ORDER BY length(p) LIMIT $paths
RETURN a.name AS source,
       b.name AS target,
       length(p) AS hops,
       [hop IN relationships(p) | startNode(hop).name + ' -' + type(hop) + '-> ' + endNode(hop).name] AS steps,
       [mid IN nodes(p)[1..-1] | mid.name] AS through,
       [pn IN nodes(p) | {id: pn.id, name: pn.name, label: labels(pn)[0]}] AS nodes,
       [pr IN relationships(p) | {source: startNode(pr).id, target: endNode(pr).id, type: type(pr)}] AS relationships
ORDER BY hops
