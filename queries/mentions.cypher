// title: Accounts that mention an entity
// description: Every account that mentions a person, organisation, body or any other
//   entity, with the quotes where it does (verbatim, with their character offsets and
//   statuses), and how many of the entity's relationships that account supports.
// question: Where, and in whose words, does this entity appear?
// param: entity string -- id, name or alias of the entity (case-insensitive), e.g. Alex Grant
// returns: entity; label; account; title; author; published; mentions (how many quotes);
//   quotes; offsets ("start-end" of each quote); statuses; facts (relationships of the entity
//   this account supports); entity_id

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
WITH coalesce(by_id, by_name) AS n
WHERE n IS NOT NULL
UNWIND range(0, size(n.ev_account) - 1) AS k
WITH n, n.ev_account[k] AS account, collect(n.ev_quote[k]) AS quotes,
     collect(toString(n.ev_start[k]) + '-' + toString(n.ev_end[k])) AS offsets,
     collect(DISTINCT n.ev_status[k]) AS statuses
OPTIONAL MATCH (acc:Account {id: account})
RETURN n.name AS entity,
       labels(n)[0] AS label,
       account,
       acc.title AS title,
       acc.author AS author,
       acc.published AS published,
       size(quotes) AS mentions,
       quotes,
       offsets,
       statuses,
       size([(n)-[rel]-() WHERE account IN rel.accounts | rel.id]) AS facts,
       n.id AS entity_id
ORDER BY entity, published, account
