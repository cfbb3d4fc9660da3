// title: Corroborated facts
// description: Entities and relationships that two or more accounts support (min_accounts),
//   with the accounts and one quote from each. Accounts are separate testimonies, so a fact
//   told by several of them is corroborated; the same fact told twice by one account is not.
//   Relationships are looked for among the relationships of corroborated entities: an
//   account that tells a relationship mentions its two ends, so a relationship several
//   accounts tell joins entities those accounts all mention.
// question: What do several accounts agree on?
// param: min_accounts integer = 2 -- the fewest supporting accounts
// param: limit integer = 500 -- at most this many rows of each kind (entities, relationships)
// returns: fact_kind (entity or relationship); label (the node label or relationship type);
//   fact (the entity's name, or "source -TYPE-> target"); statuses; accounts (how many);
//   account_ids; quotes (one per account); id
MATCH (n)
WHERE n.account_count >= $min_accounts AND NOT n:Account
WITH n ORDER BY n.account_count DESC, n.name LIMIT $limit
RETURN 'entity' AS fact_kind,
       labels(n)[0] AS label,
       n.name AS fact,
       n.statuses AS statuses,
       n.account_count AS accounts,
       n.accounts AS account_ids,
       [acc IN n.accounts | head([k IN range(0, size(n.ev_account) - 1) WHERE n.ev_account[k] = acc | n.ev_quote[k]])] AS quotes,
       n.id AS id
UNION ALL
// Reading a property of every relationship is slow on FalkorDB (about 300,000 of them
// in a large graph); starting from the few corroborated entities reads only theirs.
MATCH (a)
WHERE a.account_count >= $min_accounts AND NOT a:Account
MATCH (a)-[r]->(b)
WHERE r.account_count >= $min_accounts
WITH a, r, b ORDER BY r.account_count DESC, a.name LIMIT $limit
RETURN 'relationship' AS fact_kind,
       type(r) AS label,
       a.name + ' -' + type(r) + '-> ' + b.name AS fact,
       r.statuses AS statuses,
       r.account_count AS accounts,
       r.accounts AS account_ids,
       [acc2 IN r.accounts | head([k2 IN range(0, size(r.ev_account) - 1) WHERE r.ev_account[k2] = acc2 | r.ev_quote[k2]])] AS quotes,
       r.id AS id
