// title: Facts resting on one account
// description: Accusations and other weighty relationships (by default who is accused, who
//   was harmed, who took a response and whom it affected) that only one account supports,
//   with that account and its quote. These are the claims a researcher should seek a second
//   source for.
// question: Which claims rest on a single testimony?
// param: types list = ACCUSED_IN,TARGET_OF,TAKEN_BY,AFFECTS -- relationship types to check
// param: limit integer = 500 -- at most this many rows
// returns: type; source; target; statuses; account (the one supporting account); title (its
//   title); quote; source_id; target_id
MATCH (a)-[r]->(b)
WHERE type(r) IN $types AND r.account_count = 1
WITH a, r, b ORDER BY type(r), a.name, b.name LIMIT $limit
WITH a, r, b, r.accounts[0] AS account
OPTIONAL MATCH (acc:Account {id: account})
RETURN type(r) AS type,
       a.name AS source,
       b.name AS target,
       r.statuses AS statuses,
       account,
       acc.title AS title,
       r.ev_quote[0] AS quote,
       a.id AS source_id,
       b.id AS target_id
