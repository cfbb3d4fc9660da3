// title: Accounts that mention an entity
// description: Every account that mentions a person, organisation, body or any other
//   entity, with the quotes where it does (verbatim, with their character offsets and
//   statuses), and how many of the entity's relationships that account supports.
// question: Where, and in whose words, does this entity appear?
// param: entity string -- id, name or alias of the entity (case-insensitive), e.g. Alex Grant
// returns: entity; label; account; title; author; published; mentions (how many quotes);
//   quotes; offsets ("start-end" of each quote); statuses; facts (relationships of the entity
//   this account supports); entity_id
WITH toLower(trim($entity)) AS wanted
MATCH (n)
WHERE n.id = $entity OR (' | ' + n.search_text) CONTAINS (' | ' + wanted + ' | ')
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
