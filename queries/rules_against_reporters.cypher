// title: Membership rules used against people who spoke up
// description: Responses of a disciplinary or membership kind (by default membership
//   challenge, expulsion, suspension) that fell on someone who had raised something: a
//   complaint, a disclosure or a disagreement (they REPORTED an incident). Shows what they
//   raised, the action, who took it and whether the action is recorded as a response to
//   what they raised.
// question: Were membership rules turned on the people who raised dissent or complaints?
// param: kinds list = membership_challenge,expulsion,suspension -- response kinds to look for
// param: limit integer = 200 -- at most this many rows
// returns: person; raised (incidents they REPORTED, "kind: name"); action; action_kind;
//   action_date; taken_by ("name [statuses]"); outcome; answers_their_report (true when the
//   action RESPONDS_TO something they raised); affects_status; accounts; quote; person_id;
//   response_id
MATCH (r:Response)
WHERE r.kind IN $kinds
MATCH (r)-[hit:AFFECTS]->(p:Person)-[:REPORTED]->(raised:Incident)
WITH r, hit, p, collect(raised) AS raised_incidents
WITH r, hit, p, raised_incidents ORDER BY p.name, coalesce(r.date, '9999'), r.name LIMIT $limit
RETURN p.name AS person,
       [ri IN raised_incidents | coalesce(ri.kind, 'incident') + ': ' + ri.name] AS raised,
       r.name AS action,
       r.kind AS action_kind,
       coalesce(r.date, r.date_text) AS action_date,
       [(r)-[tb:TAKEN_BY]->(taker) | taker.name + ' [' + reduce(s1 = '', st1 IN tb.statuses | CASE WHEN s1 = '' THEN st1 ELSE s1 + ', ' + st1 END) + ']'] AS taken_by,
       r.outcome AS outcome,
       size([(r)-[:RESPONDS_TO]->(answered) WHERE answered.id IN [rx IN raised_incidents | rx.id] | answered.id]) > 0 AS answers_their_report,
       hit.statuses AS affects_status,
       r.account_count AS accounts,
       r.ev_quote[0] AS quote,
       p.id AS person_id,
       r.id AS response_id
