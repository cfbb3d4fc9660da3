// title: Accounts
// description: The testimonies in the graph: title, author, date, source and length, and
//   who the narrator is (AUTHORED). Use an account id from here as the account parameter
//   of other queries.
// question: Which testimonies does the graph hold, and who tells each?
// param: limit integer = 1000 -- at most this many accounts
// returns: account; title; author; published; source; words; narrator; narrator_id
MATCH (a:Account)
WITH a ORDER BY a.published, a.id LIMIT $limit
OPTIONAL MATCH (narrator:Person)-[:AUTHORED]->(a)
RETURN a.id AS account,
       a.title AS title,
       a.author AS author,
       a.published AS published,
       a.source AS source,
       a.words AS words,
       narrator.name AS narrator,
       narrator.id AS narrator_id
ORDER BY published, account
