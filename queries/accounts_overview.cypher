// title: Accounts
// description: The testimonies in the graph: title, author, date, source and length, who
//   the narrator is (AUTHORED), and how many incidents, responses and events each account
//   tells. Use an account id from here as the account parameter of other queries.
// question: Which testimonies does the graph hold, and what does each contribute?
// param: limit integer = 1000 -- at most this many accounts
// returns: account; title; author; published; source; words; narrator; incidents; responses; events
MATCH (x)
WHERE x:Incident OR x:Response OR x:Event
UNWIND x.accounts AS told_by
WITH told_by, labels(x)[0] AS label, count(*) AS items
WITH collect({account: told_by, label: label, items: items}) AS tally
MATCH (a:Account)
WITH tally, a ORDER BY a.published, a.id LIMIT $limit
WITH a, [t IN tally WHERE t.account = a.id] AS told
RETURN a.id AS account,
       a.title AS title,
       a.author AS author,
       a.published AS published,
       a.source AS source,
       a.words AS words,
       [(narrator:Person)-[:AUTHORED]->(a) | narrator.name] AS narrator,
       reduce(n1 = 0, t1 IN told | n1 + CASE WHEN t1.label = 'Incident' THEN t1.items ELSE 0 END) AS incidents,
       reduce(n2 = 0, t2 IN told | n2 + CASE WHEN t2.label = 'Response' THEN t2.items ELSE 0 END) AS responses,
       reduce(n3 = 0, t3 IN told | n3 + CASE WHEN t3.label = 'Event' THEN t3.items ELSE 0 END) AS events
