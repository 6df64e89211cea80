import type { CreateCourseRequest } from '@twinning/contracts';

/** Demo course in French (published): intercultural mediation at city counters. */
export const MEDIATION_COURSE: CreateCourseRequest = {
  title: 'Médiation interculturelle dans les services municipaux',
  language: 'fr',
  themes: ['intercultural_dialogue', 'social_services'],
  description:
    'Un cours pratique pour les agents d’accueil, travailleurs sociaux et cadres municipaux qui reçoivent des ' +
    'habitants nouvellement arrivés. Vous y verrez le rôle du médiateur, les malentendus culturels les plus ' +
    'fréquents, le travail avec un interprète, et des techniques pour désamorcer une situation tendue au guichet, ' +
    'avec une étude de cas tirée de la vie d’une mairie.',
  estimatedHours: 3,
  modules: [
    {
      title: 'Comprendre la médiation interculturelle',
      lessons: [
        {
          title: 'Le rôle du médiateur : ni avocat, ni juge',
          body: `La médiation interculturelle aide deux parties, un service municipal et un habitant, à se comprendre
quand la langue, les habitudes ou la méfiance les séparent. Le médiateur ne prend pas parti : il rend la
conversation possible.

## Trois principes

1. **Neutralité** : le médiateur ne défend ni l’habitant ni l’administration. Il veille à ce que chacun soit
   entendu et comprenne l’autre.
2. **Confidentialité** : ce qui est dit en médiation ne circule pas sans l’accord de la personne, sauf danger
   grave et dans le cadre prévu par la loi.
3. **Autonomie** : la décision appartient aux parties. Le médiateur éclaire, il ne tranche pas.

## Ce que la médiation n’est pas

- Un service d’interprétariat : l’interprète traduit, le médiateur explique aussi le contexte.
- Un recours juridique : en cas de litige, orientez vers le conseil juridique compétent.
- Une faveur : c’est un outil du service public, ouvert à tous les habitants.

## Quand faire appel à un médiateur ?

- Un dossier bloqué parce que la personne ne revient pas aux rendez-vous.
- Un conflit de voisinage où chacun accuse l’autre de « ne pas respecter les règles ».
- Une incompréhension répétée entre une école et une famille.

> **Exercice.** Repensez à une situation récente dans votre service où la conversation a tourné court.
> Qu’aurait pu apporter un tiers neutre ?`,
        },
        {
          title: 'Écouter au-delà des mots : malentendus culturels courants',
          body: `Beaucoup de conflits au guichet ne viennent pas de mauvaise volonté, mais d’attentes différentes
sur la manière de se parler. Les repérer évite d’interpréter un comportement comme un manque de respect.

## Quelques sources fréquentes de malentendus

| Situation | Ce que l’agent peut percevoir | Ce que la personne peut vivre |
|---|---|---|
| La personne ne regarde pas l’agent dans les yeux | Manque de franchise | Marque de respect envers l’autorité |
| Elle vient accompagnée de plusieurs proches | Pression, envahissement | Soutien normal pour une démarche importante |
| Elle dit « oui » à chaque explication | Accord, compréhension | Politesse, sans forcément avoir compris |
| Elle insiste pour parler au responsable | Défiance | Habitude d’un pays où seul le chef décide |

## Vérifier la compréhension

Au lieu de demander « Vous avez compris ? », demandez à la personne de **reformuler** : « Pour être sûr que
j’ai été clair, pouvez-vous me dire ce que vous allez apporter la prochaine fois ? »

## Attention aux généralisations

Ces repères sont des hypothèses, pas des vérités sur une culture. Chaque personne est différente : observez,
demandez, ajustez.

> **Exercice.** Notez un comportement d’usager qui vous a agacé récemment. Formulez deux explications
> possibles qui ne supposent pas de mauvaise intention.`,
        },
        {
          title: 'Travailler avec un interprète',
          body: `Un entretien avec interprète demande un peu de préparation, mais évite des semaines de
malentendus.

## Avant l’entretien

- Réservez un interprète professionnel ; **n’utilisez jamais un enfant** pour traduire.
- Informez l’interprète du sujet, sans détails personnels inutiles.
- Prévoyez deux fois plus de temps qu’un entretien ordinaire.

## Pendant l’entretien

1. Présentez-vous, présentez l’interprète et rappelez que tout sera traduit et restera confidentiel.
2. **Parlez à la personne**, pas à l’interprète : « Madame, pouvez-vous me dire… » plutôt que « Demandez-lui… ».
3. Faites des phrases courtes et laissez l’interprète traduire au fur et à mesure.
4. Évitez le jargon administratif et les sigles.

## Après l’entretien

Faites un court bilan avec l’interprète : un mot ou une réaction vous a-t-il échappé ? Notez la langue et le
dialecte pour le prochain rendez-vous.

> **Exercice.** Réécrivez en phrases courtes et sans sigle l’explication que vous donnez le plus souvent au
> guichet.`,
        },
      ],
      quizzes: [],
    },
    {
      title: 'Pratiquer au guichet',
      lessons: [
        {
          title: 'Désamorcer une situation tendue',
          body: `Une personne qui élève la voix au guichet a souvent attendu longtemps, ne comprend pas ce qu’on lui
demande, ou craint pour sa situation. Votre objectif : faire baisser la tension avant de chercher une solution.

## La méthode en quatre temps

1. **Accueillir l’émotion** : « Je vois que vous êtes inquiet. » Nommer l’émotion la fait souvent baisser.
2. **Reformuler la demande** : « Si je comprends bien, votre dossier de logement est bloqué depuis deux mois. »
3. **Expliquer ce qui est possible**, et ce qui ne l’est pas, avec une prochaine étape concrète.
4. **Conclure** : résumer ce qui a été convenu, donner un nom et une date.

## Ce qu’il faut éviter

- Répondre sur le même ton, ou se justifier longuement.
- Invoquer le règlement sans l’expliquer.
- Promettre ce qui ne dépend pas de vous.

## Votre sécurité d’abord

Si la situation devient menaçante, appliquez la procédure de votre service : appel à un collègue, interruption
de l’entretien, signalement. Désamorcer n’est pas tout supporter.

> **Exercice.** Jeu de rôle à deux : l’un joue un usager dont la demande d’aide a été refusée sans explication,
> l’autre applique les quatre temps. Inversez les rôles.`,
        },
        {
          title: 'Étude de cas : un rendez-vous manqué à la mairie',
          body: `Madame K., arrivée il y a cinq mois avec ses trois enfants, a manqué deux rendez-vous au service
des affaires scolaires. Le dossier d’inscription de son fils aîné est sur le point d’être classé. Lorsqu’elle
se présente sans rendez-vous, l’agent lui répond que « la procédure est la procédure ».

## Ce que la médiation a révélé

- Les convocations étaient envoyées par courrier en français ; Madame K. lit l’arabe et un peu d’anglais.
- Elle travaille tôt le matin dans le nettoyage ; les rendez-vous étaient fixés à 8 h 30.
- Elle pensait que l’inscription était faite, puisque son fils fréquentait déjà une classe d’accueil.

## Ce que le service a changé

1. Un SMS de rappel en plusieurs langues la veille de chaque rendez-vous.
2. Des créneaux en fin de journée une fois par semaine.
3. Une fiche simple expliquant la différence entre classe d’accueil et inscription définitive.

## Questions pour votre service

- Combien de rendez-vous manqués s’expliquent par une convocation incomprise ?
- Quels créneaux proposez-vous aux personnes qui travaillent en horaires décalés ?

> **Exercice.** Identifiez dans votre service une règle qui a du sens, mais que les nouveaux arrivants ne
> peuvent pas connaître. Comment la rendre visible ?`,
        },
      ],
      quizzes: [
        {
          title: 'Vérifier vos acquis',
          passMark: 60,
          maxAttempts: 3,
          questions: [
            {
              kind: 'single',
              prompt: 'Quel est le rôle du médiateur interculturel ?',
              options: [
                { text: 'Défendre l’habitant face à l’administration', correct: false },
                { text: 'Rendre la compréhension possible entre les deux parties, sans prendre parti', correct: true },
                { text: 'Décider qui a raison dans un conflit', correct: false },
              ],
            },
            {
              kind: 'multiple',
              prompt: 'Lors d’un entretien avec interprète, que faut-il faire ?',
              options: [
                { text: 'Parler directement à la personne', correct: true },
                { text: 'Faire des phrases courtes', correct: true },
                { text: 'Demander à un enfant de traduire pour gagner du temps', correct: false },
                { text: 'Prévoir plus de temps qu’un entretien ordinaire', correct: true },
              ],
            },
            {
              kind: 'single',
              prompt: 'Une personne répond « oui » à chaque explication. Quelle est la meilleure réaction ?',
              options: [
                { text: 'Considérer que tout est compris', correct: false },
                { text: 'Lui demander de reformuler la prochaine étape', correct: true },
                { text: 'Répéter plus fort', correct: false },
              ],
            },
            {
              kind: 'multiple',
              prompt: 'Quelles étapes font partie de la méthode pour désamorcer une situation tendue ?',
              options: [
                { text: 'Accueillir l’émotion', correct: true },
                { text: 'Reformuler la demande', correct: true },
                { text: 'Rappeler le règlement sans l’expliquer', correct: false },
              ],
            },
          ],
        },
      ],
    },
  ],
};
