// title: Organisation structure
// description: The units of an organisation as the accounts describe them: its sections,
//   branches, leadership bodies and factions, two levels down (so a section's own
//   branches and bodies are included), each with the people the accounts place in it,
//   the roles attached to it, how many accounts mention it and one supporting quote.
//   The organisation itself is the first row (depth 0).
// question: How is this organisation built, and where do its members sit?
// param: organization string -- id, name or alias of the organisation (case-insensitive), e.g. IMT
// returns: organization; unit; label (Organization, Branch, LeadershipBody, Faction);
//   kind; part_of (the unit it belongs to; for the organisation itself, its international); depth (0 the organisation, 1 directly part of it,
//   2 part of a part); members (people MEMBER_OF the unit); roles; accounts; quote; unit_id
WITH toLower(trim($organization)) AS wanted
MATCH (o:Organization)
WHERE o.id = $organization OR (' | ' + o.search_text) CONTAINS (' | ' + wanted + ' | ')
MATCH p = (u)-[:PART_OF*0..2]->(o)
WITH o, u, min(length(p)) AS depth, collect(DISTINCT nodes(p)[1].name) AS parents
RETURN o.name AS organization,
       u.name AS unit,
       labels(u)[0] AS label,
       u.kind AS kind,
       CASE WHEN depth = 0 THEN [(o)-[:PART_OF]->(x) | x.name] ELSE parents END AS part_of,
       depth,
       size([(m:Person)-[:MEMBER_OF]->(u) | m.id]) AS members,
       [(r:Role)-[:ROLE_IN]->(u) | r.name] AS roles,
       u.account_count AS accounts,
       u.ev_quote[0] AS quote,
       u.id AS unit_id
ORDER BY organization, depth, label, unit
