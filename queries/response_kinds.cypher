// title: Response kinds across organisations
// description: The cross-group comparison table: for each organisation, how many responses the
//   accounts record and how many of each kind (dismissal, no action, informal resolution,
//   pressure, mediation, investigation, reprimand, suspension, expulsion, membership
//   challenge, isolation, ban, promise, other). A response counts for the organisation it
//   occurred in (directly or through one of its branches); a response with no such place
//   counts for the organisation that took it (directly, or through the body, branch or
//   faction that took it). Incidents counts incidents that occurred there.
// question: How do different groups respond to complaints and dissent?
// param: min_responses integer = 1 -- leave out organisations with fewer responses than this
// param: limit integer = 100 -- at most this many organisations, those with most responses first
// returns: organization; kind (organisation kind); part_of; responses; incidents; one column
//   per response kind; accounts (distinct accounts supporting those responses); organization_id


// FalkorDB runs a pattern comprehension or a pattern predicate per row at a high
// cost; on every response of a large graph, MATCH parts joined by UNION are far cheaper.
CALL {
  MATCH (r:Response)-[:OCCURRED_IN]->(o:Organization)
  RETURN r, o
  UNION
  MATCH (r:Response)-[:OCCURRED_IN]->(:Branch)-[:PART_OF]->(o:Organization)
  RETURN r, o
  UNION
  MATCH (r:Response)-[:TAKEN_BY]->(o:Organization)
  OPTIONAL MATCH (r)-[:OCCURRED_IN]->(placed)
  WITH r, o, placed
  WHERE placed IS NULL
  RETURN r, o
  UNION
  MATCH (r:Response)-[:TAKEN_BY]->(unit)-[:PART_OF]->(o:Organization)
  OPTIONAL MATCH (r)-[:OCCURRED_IN]->(placed)
  WITH r, o, placed
  WHERE placed IS NULL
  RETURN r, o
}
// Only nodes are collected here: copying every response's lists for all organisations
// costs more than reading them again for the few that are shown.
WITH o, collect(r) AS rs, count(r) AS responses
WHERE responses >= $min_responses
WITH o, rs, responses ORDER BY responses DESC, o.name LIMIT $limit
OPTIONAL MATCH (o)-[:PART_OF]->(parent:Organization)
WITH o, rs, responses, collect(parent.name) AS part_of
OPTIONAL MATCH (inc:Incident)-[:OCCURRED_IN]->(o)
WITH o, rs, responses, part_of, count(inc) AS incidents
WITH o, responses, part_of, incidents, [rx IN rs | rx.kind] AS kinds,
     reduce(seen = [], rk IN rs | seen + [ra IN rk.accounts WHERE NOT ra IN seen]) AS supporting
RETURN o.name AS organization,
       o.kind AS kind,
       part_of,
       responses,
       incidents,
       size([k1 IN kinds WHERE k1 = 'dismissal']) AS dismissal,
       size([k2 IN kinds WHERE k2 = 'no_action']) AS no_action,
       size([k3 IN kinds WHERE k3 = 'informal_resolution']) AS informal_resolution,
       size([k4 IN kinds WHERE k4 = 'pressure']) AS pressure,
       size([k5 IN kinds WHERE k5 = 'mediation']) AS mediation,
       size([k6 IN kinds WHERE k6 = 'investigation']) AS investigation,
       size([k7 IN kinds WHERE k7 = 'reprimand']) AS reprimand,
       size([k8 IN kinds WHERE k8 = 'suspension']) AS suspension,
       size([k9 IN kinds WHERE k9 = 'expulsion']) AS expulsion,
       size([k10 IN kinds WHERE k10 = 'membership_challenge']) AS membership_challenge,
       size([k11 IN kinds WHERE k11 = 'isolation']) AS isolation,
       size([k12 IN kinds WHERE k12 = 'ban']) AS ban,
       size([k13 IN kinds WHERE k13 = 'promise']) AS promise,
       size([k14 IN kinds WHERE k14 = 'other' OR k14 IS NULL]) AS other,
       size(supporting) AS accounts,
       o.id AS organization_id
ORDER BY responses DESC, organization
