import type { CreateCourseRequest } from '@twinning/contracts';

/** Demo course in English (published): a first-year integration plan for city services. */
export const WELCOMING_COURSE: CreateCourseRequest = {
  title: 'Welcoming newcomers: a first-year integration plan for city services',
  language: 'en',
  themes: ['integration', 'social_services'],
  description:
    'A practical course for municipal officials who coordinate services for newly arrived residents. ' +
    'You will map who arrives and what they need in their first year, organise one front door that refers ' +
    'instead of redirecting, plan language access, line up housing, schooling and health in the first ninety ' +
    'days, and measure whether the plan works. Each lesson ends with a short exercise to do with your own data.',
  estimatedHours: 4,
  modules: [
    {
      title: 'Mapping the first year',
      lessons: [
        {
          title: 'Why the first year decides so much',
          body: `Most of what shapes a newcomer's life in your city is settled in the first twelve months: where they
live, whether their children are in school, whether they have a doctor, whether their qualifications are
recognised, and whether they trust the city's offices enough to come back with the next question.

Studies of municipal integration policies in Europe and North America point the same way: **early, coordinated
contact** costs less than late repair. A family that waits six months for a school place, or an engineer who
takes any job because nobody explained credential recognition, carries that delay for years.

## What a first-year plan is

A first-year plan is not a new department. It is an agreement between the services you already have about:

1. **Who** is covered (refugees, family reunification, labour migrants, international students, everyone who
   registers an address);
2. **What** every newcomer is offered in the first 7, 30, 90 and 365 days;
3. **Who does what**, with one named contact for each step;
4. **How you will know** it worked.

## What it is not

- A welcome brochure. Information helps only when someone answers the follow-up questions.
- A programme for one group only. Plans that cover every newcomer avoid resentment and are easier to run.
- A promise you cannot keep. Write down only the services that exist today; put the rest on a list of gaps.

> **Exercise.** Write down, from memory, the first three offices a newcomer to your city must visit. Then
> ask a colleague in another service to do the same. Compare the lists: the differences are the first gaps in
> your plan.`,
        },
        {
          title: 'Mapping who arrives and what they need',
          body: `You cannot plan for people you cannot see. Before you design services, build a simple picture of
arrivals from data you already hold.

## Sources most cities already have

| Source | What it tells you | Caveat |
|---|---|---|
| Population register (new addresses from abroad) | Numbers, age, household size, district | Lags by weeks; some never register |
| School enrolment requests mid-year | Children arriving, languages at home | Only families with children |
| Social services and housing waiting lists | Urgent needs | Over-represents people in crisis |
| Reception centres and NGOs | Refugees and asylum seekers | Counts may overlap with the register |
| Employers' associations | Labour migrants expected | Rough estimates |

Put the figures side by side for the last three years. Look for **trends** (which districts grow, which
languages appear) rather than exact numbers.

## Needs, not only numbers

Hold three or four short conversations with recent arrivals, ideally through community organisations they
already trust. Ask:

- What took longest in your first months?
- Which office did you visit more than once for the same thing?
- Who helped you most, and were they paid to do it?

Their answers usually point to a handful of bottlenecks: **appointments that require documents from another
appointment**, forms only in the national language, and opening hours that clash with work.

## Protect the people you count

Keep only aggregate figures in planning documents. Never share individual records between services without a
legal basis and the person's knowledge; the trust you lose costs more than the data is worth.

> **Exercise.** Fill in the table above for your city with last year's figures. Mark each cell green (we know),
> amber (we estimate) or red (nobody knows).`,
        },
      ],
      quizzes: [],
    },
    {
      title: 'Services that connect',
      lessons: [
        {
          title: 'One front door: a welcome desk that refers, not redirects',
          body: `Newcomers often describe their first months as being sent from one counter to the next. A **welcome
desk** breaks that loop if it follows one rule: *refer, don't redirect*.

## Redirecting versus referring

- **Redirecting:** "That is not us, try the housing office." The person leaves with nothing.
- **Referring:** the desk books the appointment, explains what to bring, and writes down a name. The person
  leaves with a next step that will work.

## What the desk needs

1. A **referral list** agreed with every service: contact name, what they need from the person, how to book.
2. **Time**: 30 minutes for a first conversation, not 10.
3. **Interpreting** on call (see the next lesson).
4. A short **intake note** the person carries with them, so they do not repeat their story at every counter.
5. The authority to **call the other service** while the person is present.

## A first conversation, step by step

1. Welcome, and explain what the desk can and cannot do.
2. Ask about the household: who arrived, who is still abroad, ages, languages.
3. Check the urgent things first: a place to sleep tonight, medication, a child out of school.
4. Agree on the next three steps and book them.
5. Give one phone number or address to come back to.

## Common pitfalls

- The desk becomes a second immigration office checking status. Keep it open to every resident.
- Referrals are not followed up. Call the receiving service once a week to see what happened.

> **Exercise.** Pick one common request (for example, registering a child at school) and write the referral
> entry: who, what to bring, how to book, how long it takes.`,
        },
        {
          title: 'Language access without delays',
          body: `Language is the barrier behind most repeated visits. A language access policy decides, in advance,
**who pays, who books and which languages** are covered, so that front-line staff do not improvise.

## Three levels of support

1. **Plain language** in the national language: short sentences, one instruction per line, examples. It helps
   everyone, including residents with low literacy.
2. **Translated key documents**: the ten forms and letters newcomers receive most often, in the five or six
   most common languages of your arrivals.
3. **Interpreting** for conversations: by phone or video within minutes for short questions, in person for
   sensitive meetings (child protection, health, housing evictions).

## Rules that avoid harm

- **Never use children as interpreters**, and avoid relatives for anything sensitive.
- Interpreters translate; they do not advise or decide. Brief them on that.
- Record the language needed on the intake note, so the next service books an interpreter in advance.

## Budget

A central city contract for telephone interpreting is usually cheaper than each service buying its own.
Track use per service: the figures show where translated documents would save the most.

> **Exercise.** List the five letters your service sends most often. For each, note whether it exists in plain
> language and in the three most common languages of your newcomers.`,
        },
        {
          title: 'Housing, schools and health in the first ninety days',
          body: `Three services decide whether the first three months go well: a stable address, a school place and
a doctor. Plan them together, because each depends on the others.

## Housing

- Agree with housing providers on a small pool of **transitional units** for people leaving reception centres.
- Explain tenants' rights early: deposits, contracts, who repairs what. Many disputes start with a
  misunderstanding about rules nobody explained.
- Watch for overcrowding and informal sub-letting; they are signs the plan has a gap, not only a breach.

## Schools

- Aim for a school place within **two weeks** of arrival. Every week out of school widens the gap.
- Reception classes help with language, but move children into mainstream classes as soon as possible.
- Invite parents to a first meeting with an interpreter; explain grades, homework and how to contact the teacher.

## Health

- Register every newcomer with a family doctor or a community health centre.
- Offer a first health check: vaccinations, chronic conditions, and mental health after a difficult journey.
- Trauma-informed practice applies at every counter: predictable steps, clear explanations, no surprises.

## Putting it together

A simple **90-day checklist** per household, kept by the welcome desk, shows at a glance what is done and what
is stuck. Review the stuck items weekly with the services concerned.

> **Exercise.** Draft the 90-day checklist for a family of four with two school-age children.`,
        },
      ],
      quizzes: [],
    },
    {
      title: 'Making the plan stick',
      lessons: [
        {
          title: 'Working with community organisations',
          body: `Migrant-led associations, faith communities and neighbourhood groups often reach newcomers before the
city does. Treat them as **partners with their own expertise**, not as volunteers who fill gaps for free.

## Good partnerships

- A written agreement: what the organisation does, what the city provides (rooms, funding, training), how
  information is shared and protected.
- Regular meetings where the city reports back what changed because of their input.
- Paid roles for **cultural mediators** and peer mentors who do recurring work.

## Risks to manage

- Relying on one organisation that speaks for "the community" when communities are diverse.
- Asking partners to carry messages the city should deliver itself, such as bad news about benefits.
- Sharing personal data informally. Use consent and the same rules as your own services.

> **Exercise.** Name two organisations your arrivals trust. What does each need from the city to do more?`,
        },
        {
          title: 'Measuring what changed',
          body: `A plan that is not measured drifts. Choose a **small set of indicators** you can collect every quarter
without extra surveys.

## Suggested indicators

| Step | Indicator | Target example |
|---|---|---|
| Day 7 | Share of new households seen by the welcome desk | 70 % |
| Day 30 | Children of school age in school | 95 % |
| Day 90 | Households registered with a family doctor | 80 % |
| Day 365 | Adults in language classes or work | 60 % |
| Any time | Repeat visits for the same request | falling |

## Listen as well as count

Twice a year, invite a group of recent arrivals to review the plan with you. Pay them for their time. Ask
what should change, then report back what you changed.

## Share with peers

Compare your figures with a twin city. The point is not ranking, but learning why one city reaches families
faster than another.

> **Exercise.** Pick three indicators from the table and name the service that will report each one.`,
        },
      ],
      quizzes: [
        {
          title: 'First-year plan check',
          passMark: 70,
          maxAttempts: null,
          questions: [
            {
              kind: 'single',
              prompt:
                'A newcomer asks the welcome desk about school places. What does "refer, don\'t redirect" mean here?',
              options: [
                { text: 'Give them the address of the education office', correct: false },
                { text: 'Book the appointment, explain what to bring and give a contact name', correct: true },
                { text: 'Tell them to come back once their residence permit is issued', correct: false },
              ],
            },
            {
              kind: 'multiple',
              prompt: 'Which of these belong in a language access policy?',
              options: [
                { text: 'Plain-language versions of common letters', correct: true },
                { text: 'Telephone interpreting for short questions', correct: true },
                { text: 'Asking children to interpret for their parents', correct: false },
                { text: 'Recording the language needed on the intake note', correct: true },
              ],
            },
            {
              kind: 'single',
              prompt: 'What is a reasonable target for a school place after a family arrives?',
              options: [
                { text: 'Within two weeks', correct: true },
                { text: 'At the start of the next school year', correct: false },
                { text: 'Once the parents have finished language classes', correct: false },
              ],
            },
            {
              kind: 'multiple',
              prompt: 'Which data sources can help map arrivals without a new survey?',
              options: [
                { text: 'New addresses from abroad in the population register', correct: true },
                { text: 'Mid-year school enrolment requests', correct: true },
                { text: 'Individual case files shared between services without consent', correct: false },
              ],
            },
            {
              kind: 'single',
              prompt: 'Which indicator best shows that services still send people back and forth?',
              options: [
                { text: 'The number of brochures printed', correct: false },
                { text: 'Repeat visits for the same request', correct: true },
                { text: 'The size of the welcome desk team', correct: false },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** Demo course waiting for review (one approval of two): data on migrants for municipal planning. */
export const DATA_COURSE: CreateCourseRequest = {
  title: 'Counting newcomers: data on migrants for municipal planning',
  language: 'en',
  themes: ['integration', 'employment'],
  description:
    'How a city can describe its newcomer population with the data it already holds, combine it responsibly ' +
    'with national statistics, and turn it into decisions about services, without exposing anyone.',
  estimatedHours: 2.5,
  modules: [
    {
      title: 'What the city already knows',
      lessons: [
        {
          title: 'Administrative data and its blind spots',
          body: `Registers, school records and service waiting lists describe the people who reach the city's
offices. They miss people who do not register, those who move often, and those who avoid authorities.

## Three questions for every data source

1. **Who is missing?** Undocumented residents, seasonal workers, people in informal housing.
2. **What does a record mean?** A registration is an address, not a person living there.
3. **How fresh is it?** A yearly extract cannot guide a monthly decision.

Write the answers next to every figure you publish.`,
        },
        {
          title: 'Combining local and national statistics',
          body: `National statistics offices publish migration figures by municipality, usually a year or two late
but with consistent definitions. Use them to **check** local figures, not to replace them.

- Align definitions first: *foreign-born*, *foreign citizen* and *newcomer* are different groups.
- Compare trends rather than levels.
- When figures disagree, say so and explain why; do not silently pick the convenient one.`,
        },
      ],
      quizzes: [],
    },
    {
      title: 'From figures to decisions',
      lessons: [
        {
          title: 'Publishing without exposing anyone',
          body: `Small groups are easy to identify. Before publishing a table, **suppress or merge cells** with fewer
than ten people, round totals, and never publish rare combinations (nationality, district and age together).

Share microdata only under a written agreement, for a stated purpose, and delete it when the purpose is met.`,
        },
        {
          title: 'A planning dashboard in one page',
          body: `A useful dashboard answers three questions for the city council: how many arrived, where they live,
and which services are stretched. Keep it to one page, update it quarterly, and state each figure's source
and date under it.`,
        },
      ],
      quizzes: [
        {
          title: 'Data check',
          passMark: 60,
          maxAttempts: 3,
          questions: [
            {
              kind: 'single',
              prompt: 'A table shows 4 newcomers of one nationality in one district. What do you do before publishing?',
              options: [
                { text: 'Publish it: the figure is true', correct: false },
                { text: 'Suppress or merge the cell', correct: true },
              ],
            },
            {
              kind: 'multiple',
              prompt: 'Who is often missing from administrative registers?',
              options: [
                { text: 'Seasonal workers', correct: true },
                { text: 'People in informal housing', correct: true },
                { text: 'Children enrolled in school', correct: false },
              ],
            },
          ],
        },
      ],
    },
  ],
};
