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
WITH toLower(trim($source)) AS wanted_source, toLower(trim($target)) AS wanted_target
MATCH (a)
WHERE a.id = $source OR (' | ' + a.search_text) CONTAINS (' | ' + wanted_source + ' | ')
WITH a, wanted_target LIMIT 5
MATCH (b)
WHERE (b.id = $target OR (' | ' + b.search_text) CONTAINS (' | ' + wanted_target + ' | ')) AND b.id <> a.id
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
