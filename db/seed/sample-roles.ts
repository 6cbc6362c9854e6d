// 24 sample roles written for Roleboard's demo. Their figures are plausible, not survey results,
// and every source note says so.
import type { SeedRole } from './types';

const source = "Sample data written for Roleboard's demo; not survey results.";

type Brief = {
  title: string;
  categorySlug: string;
  summary: string;
  pay: string;
  duties: string[];
  path: [string, string][];
  stats: [jobOpenings: number, averageSalary: number, degreeRequirementPercent: number, asOf: string, withPercentiles: boolean];
};

function percentilesFor(average: number) {
  const round = (value: number) => Math.round(value / 500) * 500;
  return { p10: round(average * 0.65), p25: round(average * 0.82), median: round(average * 0.97), p75: round(average * 1.18), p90: round(average * 1.45) };
}

function slugOf(title: string) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function toSeedRole(brief: Brief): SeedRole {
  const [jobOpenings, averageSalary, degreeRequirementPercent, asOf, withPercentiles] = brief.stats;
  const plural = `${brief.title}s`;
  return {
    slug: slugOf(brief.title),
    title: brief.title,
    categorySlug: brief.categorySlug,
    summary: brief.summary,
    salaryTemplate: `The average salary for a ${brief.title} is {averageSalary} per year. ${brief.pay}`,
    responsibilitiesIntro: `Day to day, ${plural} typically:`,
    responsibilities: brief.duties,
    responsibilitiesOutro: null,
    howToBecomeIntro: `There is more than one way in, but most ${plural} follow a path like this:`,
    howToBecomeSteps: brief.path.map(([heading, body]) => ({ heading, body })),
    howToBecomeOutro: null,
    stats: {
      jobOpenings,
      averageSalary,
      currency: 'USD',
      degreeRequirementPercent,
      percentiles: withPercentiles ? percentilesFor(averageSalary) : null,
      asOf,
      source,
    },
  };
}

const briefs: Brief[] = [
  {
    title: 'Frontend Software Engineer',
    categorySlug: 'software-engineering',
    summary: 'Frontend Software Engineers build the parts of web applications that people see and use, with a focus on speed and accessibility.',
    pay: 'Engineers who own performance and accessibility work tend to earn toward the top of the range.',
    duties: ['Build user interfaces from designs with HTML, CSS and JavaScript.', 'Make pages fast, accessible and usable on every device.', 'Work with backend engineers on the APIs the interface needs.', 'Write automated tests for interface behaviour.'],
    path: [['Learn the web platform', 'Get comfortable with HTML, CSS and JavaScript before any framework.'], ['Pick a framework', 'Build real projects with a popular framework such as React or Vue.'], ['Publish your work', 'Host a few small sites and share their code.'], ['Apply for junior roles', 'Apprenticeships and internships are common first steps.']],
    stats: [1240, 104000, 70, '2026-10-15', true],
  },
  {
    title: 'Full-Stack Developer',
    categorySlug: 'software-engineering',
    summary: 'Full-Stack Developers work across the browser, the server and the database to ship complete features.',
    pay: 'Pay grows quickly with experience of running systems in production.',
    duties: ['Design and build features end to end.', 'Model data and write database queries.', 'Deploy and monitor services.', 'Review code written by teammates.'],
    path: [['Learn one stack well', 'Choose a language and framework for both client and server and build with it.'], ['Understand databases', 'Learn SQL and how to design tables and indexes.'], ['Ship a complete project', 'Build and deploy an application that real people use.'], ['Join a small team', 'Start-ups often hire generalists early in their careers.']],
    stats: [2310, 112000, 65, '2026-10-01', true],
  },
  {
    title: 'Mobile App Developer',
    categorySlug: 'software-engineering',
    summary: 'Mobile App Developers create applications for phones and tablets on iOS, Android or both.',
    pay: 'Developers with experience on both platforms are in particular demand.',
    duties: ['Build app screens and features for iOS or Android.', 'Integrate apps with backend services.', 'Tune battery use, memory and start-up time.', 'Release updates through the app stores.'],
    path: [['Learn a mobile language', 'Swift for iOS or Kotlin for Android are the usual starting points.'], ['Publish an app', 'Put a small app in a store to learn the release process.'], ['Study design guidelines', 'Each platform has conventions users expect.'], ['Build a portfolio', 'Show the apps you built and what you learned from them.']],
    stats: [860, 108000, 60, '2026-09-20', true],
  },
  {
    title: 'QA Engineer',
    categorySlug: 'software-engineering',
    summary: 'QA Engineers make sure software works as intended by designing tests and automating them.',
    pay: 'Engineers who write test automation usually earn more than those who test by hand.',
    duties: ['Plan test strategies for new features.', 'Write automated tests and keep them reliable.', 'Report defects clearly and follow them to resolution.', 'Check releases before they reach users.'],
    path: [['Learn testing fundamentals', 'Understand test design, edge cases and how bugs are reported.'], ['Learn to code', 'A scripting language lets you automate tests.'], ['Use real tools', 'Practise with browser automation and API testing tools.'], ['Start in a testing team', 'Junior QA roles are a common way into software.']],
    stats: [640, 86000, 45, '2026-08-30', false],
  },
  {
    title: 'Data Scientist',
    categorySlug: 'data-and-ai',
    summary: 'Data Scientists use statistics and programming to answer business questions and build predictive models.',
    pay: 'Advanced degrees and domain knowledge both tend to raise pay.',
    duties: ['Explore and clean large data sets.', 'Build and evaluate statistical and machine learning models.', 'Explain findings to people who are not specialists.', 'Design experiments such as A/B tests.'],
    path: [['Study quantitative subjects', 'Statistics, mathematics or computer science give the foundations.'], ['Learn Python or R', 'Use them to analyse real data sets.'], ['Do end-to-end projects', 'Take a question from raw data to a clear answer.'], ['Specialise', 'Deep knowledge of one industry makes your analysis more valuable.']],
    stats: [1530, 126000, 90, '2026-10-20', true],
  },
  {
    title: 'Data Engineer',
    categorySlug: 'data-and-ai',
    summary: 'Data Engineers build the pipelines and storage that move data reliably from where it is created to where it is used.',
    pay: 'Experience with large-scale cloud data platforms is well rewarded.',
    duties: ['Build and maintain data pipelines.', 'Design data warehouses and lakes.', 'Monitor data quality and freshness.', 'Work with analysts and scientists on the data they need.'],
    path: [['Master SQL', 'Almost every data engineering task starts with SQL.'], ['Learn a programming language', 'Python, Scala or Java are common choices.'], ['Understand distributed systems', 'Learn how data is processed across many machines.'], ['Build a pipeline', 'Automate the loading and cleaning of a public data set.']],
    stats: [1780, 121000, 75, '2026-10-05', true],
  },
  {
    title: 'Machine Learning Engineer',
    categorySlug: 'data-and-ai',
    summary: 'Machine Learning Engineers turn models into dependable products that serve predictions at scale.',
    pay: 'It is one of the best-paid roles in technology, especially at companies that build their own models.',
    duties: ['Train, evaluate and deploy machine learning models.', 'Build systems that serve predictions quickly.', 'Monitor models for drift and errors.', 'Work with data scientists to move prototypes into production.'],
    path: [['Build strong software skills', 'Production machine learning is software engineering first.'], ['Learn the mathematics', 'Linear algebra, probability and optimisation underpin the models.'], ['Use modern frameworks', 'Train models with widely used libraries.'], ['Deploy something', 'Put a model behind an API and measure it.']],
    stats: [980, 152000, 95, '2026-10-25', true],
  },
  {
    title: 'Data Analyst',
    categorySlug: 'data-and-ai',
    summary: 'Data Analysts turn data into reports and dashboards that help teams make decisions.',
    pay: 'Analysts who can program and automate their reports usually earn more.',
    duties: ['Collect and clean data from several sources.', 'Build dashboards and regular reports.', 'Answer ad hoc questions from colleagues.', 'Spot trends and explain what they mean.'],
    path: [['Learn spreadsheets and SQL', 'These two tools cover most day-to-day analysis.'], ['Learn a visualisation tool', 'Dashboards are a large part of the job.'], ['Practise storytelling', 'Clear charts and plain words make analysis useful.'], ['Apply for junior roles', 'Many analysts start in operations or finance teams.']],
    stats: [2650, 72000, 55, '2026-09-10', true],
  },
  {
    title: 'DevOps Engineer',
    categorySlug: 'infrastructure-and-security',
    summary: 'DevOps Engineers automate how software is built, tested and deployed, and keep it running smoothly.',
    pay: 'Experience with cloud platforms and automation raises pay markedly.',
    duties: ['Build and maintain deployment pipelines.', 'Manage infrastructure as code.', 'Set up monitoring and alerting.', 'Help developers ship changes safely.'],
    path: [['Learn Linux and networking', 'Most infrastructure runs on Linux.'], ['Learn scripting', 'Automate everyday tasks with a scripting language.'], ['Use a cloud platform', 'Build and tear down environments in the cloud.'], ['Automate a pipeline', 'Set up continuous integration for a project of your own.']],
    stats: [1420, 118000, 50, '2026-10-12', true],
  },
  {
    title: 'Site Reliability Engineer',
    categorySlug: 'infrastructure-and-security',
    summary: 'Site Reliability Engineers keep large systems available and fast by applying software engineering to operations.',
    pay: 'On-call duties and responsibility for critical systems are reflected in pay.',
    duties: ['Define and track reliability targets.', 'Respond to incidents and lead reviews afterwards.', 'Automate away repetitive operational work.', 'Plan capacity for growth.'],
    path: [['Become a strong engineer', 'Many SREs start as software or systems engineers.'], ['Learn how systems fail', 'Study distributed systems and incident reports.'], ['Practise observability', 'Learn metrics, logs and tracing.'], ['Join an on-call rotation', 'Real incidents teach what books cannot.']],
    stats: [720, 138000, 60, '2026-09-28', true],
  },
  {
    title: 'Cloud Architect',
    categorySlug: 'infrastructure-and-security',
    summary: 'Cloud Architects design how an organisation builds on cloud platforms: securely, reliably and within budget.',
    pay: 'It is a senior role, and pay reflects years of hands-on experience.',
    duties: ['Design cloud architectures for new and existing systems.', 'Set standards for security and cost.', 'Guide teams through migrations.', 'Evaluate new services and vendors.'],
    path: [['Gain engineering experience', 'Most architects spent years building and running systems.'], ['Earn cloud certifications', 'They show breadth across a platform.'], ['Lead a migration', 'Moving a real system teaches the trade-offs.'], ['Communicate designs', 'Architects write and present designs to many audiences.']],
    stats: [410, 165000, 80, '2026-10-08', true],
  },
  {
    title: 'Security Analyst',
    categorySlug: 'infrastructure-and-security',
    summary: 'Security Analysts protect an organisation by watching for threats, investigating incidents and reducing risk.',
    pay: 'Recognised certifications and incident response experience raise pay.',
    duties: ['Monitor systems for suspicious activity.', 'Investigate and contain security incidents.', 'Assess vulnerabilities and track fixes.', 'Teach colleagues about security risks.'],
    path: [['Learn networking and operating systems', 'Security builds on how systems communicate.'], ['Earn an entry-level certification', 'It is a common requirement for first roles.'], ['Practise in labs', 'Capture-the-flag exercises build practical skills.'], ['Start in a security operations centre', 'Many analysts begin by triaging alerts.']],
    stats: [1, 99000, 65, '2026-07-30', true],
  },
  {
    title: 'UX Designer',
    categorySlug: 'design-and-product',
    summary: 'UX Designers research how people use products and design experiences that are easy and pleasant to use.',
    pay: 'Designers who combine research and interaction design skills earn toward the top of the range.',
    duties: ['Interview and observe users.', 'Sketch flows, wireframes and prototypes.', 'Test designs with real people.', 'Work with engineers to ship designs faithfully.'],
    path: [['Learn design fundamentals', 'Study layout, typography and interaction patterns.'], ['Learn research methods', 'Interviews and usability tests reveal real needs.'], ['Build case studies', 'Show your process, not just the final screens.'], ['Find a mentor', 'Feedback from experienced designers speeds growth.']],
    stats: [890, 98000, 60, '2026-09-05', true],
  },
  {
    title: 'Product Manager',
    categorySlug: 'design-and-product',
    summary: 'Product Managers decide what a team builds and why, balancing user needs, business goals and technical limits.',
    pay: 'Pay rises with the scope of the product and the size of the team.',
    duties: ['Understand customer problems and market needs.', 'Set priorities and write clear requirements.', 'Work daily with design and engineering.', 'Measure outcomes after launch.'],
    path: [['Build domain knowledge', 'Many product managers first worked in engineering, design or sales.'], ['Learn to prioritise', 'Practise choosing what not to build.'], ['Take on product tasks', 'Volunteer to write specifications or run user interviews.'], ['Move into an associate role', 'Associate product manager programmes are a common entry.']],
    stats: [1350, 132000, 75, '2026-10-18', true],
  },
  {
    title: 'UI Designer',
    categorySlug: 'design-and-product',
    summary: 'UI Designers craft the visual side of products: layouts, colour, typography and components.',
    pay: 'Designers who maintain design systems are especially valued.',
    duties: ['Design screens and components.', 'Maintain a consistent design system.', 'Prepare assets and specifications for developers.', 'Check contrast and readability for accessibility.'],
    path: [['Study visual design', 'Learn colour, typography and grid systems.'], ['Master a design tool', 'Professional tools are used for nearly all work.'], ['Build a portfolio', 'Show polished interfaces and the reasons behind them.'], ['Work with developers', 'Learn how designs are built so yours can be.']],
    stats: [520, 84000, 50, '2026-08-15', false],
  },
  {
    title: 'Technical Writer',
    categorySlug: 'design-and-product',
    summary: 'Technical Writers explain complex products clearly in guides, references and tutorials.',
    pay: 'Writers who document APIs and developer tools usually earn more.',
    duties: ['Write and maintain product documentation.', 'Interview engineers and experts.', 'Test instructions by following them.', 'Organise content so readers find answers quickly.'],
    path: [['Write every day', 'Clear writing is the core skill.'], ['Learn the subject', 'A technical background helps you ask the right questions.'], ['Publish samples', 'Write tutorials or contribute to open-source documentation.'], ['Learn documentation tools', 'Docs-as-code workflows are now common.']],
    stats: [0, 80000, 70, '2026-06-30', true],
  },
  {
    title: 'Business Analyst',
    categorySlug: 'business-and-operations',
    summary: 'Business Analysts study how an organisation works and recommend changes to processes and systems.',
    pay: 'Analysts in finance and technology tend to earn the most.',
    duties: ['Gather and document requirements.', 'Map current and future processes.', 'Analyse data to support decisions.', 'Work with stakeholders through change.'],
    path: [['Earn a relevant degree', 'Business, economics or information systems are common.'], ['Learn analysis tools', 'Spreadsheets, SQL and process modelling help daily.'], ['Build domain expertise', 'Knowing an industry makes your recommendations sharper.'], ['Consider certification', 'Business analysis certifications can help early on.']],
    stats: [1960, 89000, 80, '2026-09-22', true],
  },
  {
    title: 'Project Manager',
    categorySlug: 'business-and-operations',
    summary: 'Project Managers plan and lead projects so they are delivered on time, on budget and to scope.',
    pay: 'Certified project managers leading large projects earn the most.',
    duties: ['Plan scope, schedules and budgets.', 'Coordinate people and resources.', 'Track risks and resolve issues.', 'Report progress to stakeholders.'],
    path: [['Start coordinating work', 'Take on organising tasks in your current role.'], ['Learn methodologies', 'Understand both traditional and agile approaches.'], ['Earn a certification', 'Project management certifications are widely recognised.'], ['Lead larger projects', 'Grow the size and complexity of what you manage.']],
    stats: [2420, 95000, 70, '2026-10-02', true],
  },
  {
    title: 'Marketing Manager',
    categorySlug: 'business-and-operations',
    summary: 'Marketing Managers plan campaigns that build awareness of products and bring in customers.',
    pay: 'Managers with strong digital and analytics skills are paid best.',
    duties: ['Plan and run marketing campaigns.', 'Manage budgets and agencies.', 'Measure results and adjust plans.', 'Lead a team of marketers.'],
    path: [['Learn marketing basics', 'A degree or courses in marketing give the foundations.'], ['Get hands-on experience', 'Run campaigns, even small ones.'], ['Learn analytics', 'Measuring results is central to the role.'], ['Take on leadership', 'Manage people and budgets as you grow.']],
    stats: [1130, 105000, 85, '2026-09-15', true],
  },
  {
    title: 'Accountant',
    categorySlug: 'business-and-operations',
    summary: 'Accountants prepare and check financial records, taxes and reports for organisations and individuals.',
    pay: 'Licensed accountants earn considerably more than those without a licence.',
    duties: ['Prepare financial statements.', 'Reconcile accounts and review transactions.', 'Prepare tax returns and filings.', 'Advise on financial decisions.'],
    path: [['Earn an accounting degree', 'Most accounting roles require one.'], ['Gain supervised experience', 'Licensing bodies require practical hours.'], ['Pass the licensing exam', 'A professional licence opens senior roles.'], ['Keep learning', 'Tax and reporting rules change every year.']],
    stats: [3120, 79000, 100, '2026-08-31', true],
  },
  {
    title: 'Registered Nurse',
    categorySlug: 'healthcare',
    summary: 'Registered Nurses care for patients, give treatments and medicines, and educate patients and families.',
    pay: 'Specialised nurses and those working night shifts often earn more.',
    duties: ['Assess and monitor patients.', 'Give medicines and treatments.', 'Keep accurate patient records.', 'Teach patients how to manage their health.'],
    path: [['Complete a nursing programme', 'A diploma, associate or bachelor degree in nursing.'], ['Pass the licensing exam', 'A national exam is required to practise.'], ['Gain clinical experience', 'Most nurses start in general wards.'], ['Specialise', 'Further training leads to specialist and advanced roles.']],
    stats: [4800, 86000, 100, '2026-10-30', true],
  },
  {
    title: 'Pharmacist',
    categorySlug: 'healthcare',
    summary: 'Pharmacists dispense medicines, check they are safe together, and advise patients on how to use them.',
    pay: 'Hospital and specialist pharmacists often earn above the average.',
    duties: ['Check and dispense prescriptions.', 'Advise patients on medicines and side effects.', 'Spot dangerous drug interactions.', 'Give vaccinations where permitted.'],
    path: [['Earn a pharmacy degree', 'A doctoral pharmacy degree is usually required.'], ['Complete supervised practice', 'Internship hours are part of licensing.'], ['Pass the licensing exams', 'They test knowledge of medicines and law.'], ['Consider a residency', 'Residencies lead to clinical specialisms.']],
    stats: [1270, 132000, 100, '2026-09-30', true],
  },
  {
    title: 'Physical Therapist',
    categorySlug: 'healthcare',
    summary: 'Physical Therapists help people recover movement and manage pain after injury or illness.',
    pay: 'Therapists in home health and specialist clinics tend to earn more.',
    duties: ['Assess movement and function.', 'Plan and lead treatment programmes.', 'Teach exercises patients can do at home.', 'Track progress and adjust treatment.'],
    path: [['Earn a bachelor degree', 'Biology or exercise science are common choices.'], ['Complete a physical therapy doctorate', 'It is required to practise in most places.'], ['Pass the licensing exam', 'A national exam leads to a licence.'], ['Specialise', 'Sports, neurology and paediatrics are popular fields.']],
    stats: [1650, 99000, 100, '2026-10-10', false],
  },
  {
    title: 'Medical Laboratory Technician',
    categorySlug: 'healthcare',
    summary: 'Medical Laboratory Technicians run the tests on blood, tissue and fluids that doctors use to diagnose illness.',
    pay: 'Technicians who move into technologist roles can expect a rise.',
    duties: ['Prepare and analyse samples.', 'Operate and maintain laboratory equipment.', 'Record and check results.', 'Follow strict safety and quality rules.'],
    path: [['Complete an associate degree', 'Clinical laboratory science programmes are the usual route.'], ['Do clinical rotations', 'Training in a real laboratory is part of the programme.'], ['Earn certification', 'Many employers require it.'], ['Advance with further study', 'A bachelor degree leads to technologist roles.']],
    stats: [940, 58000, 0, '2026-07-15', true],
  },
];

export const sampleRoles: SeedRole[] = briefs.map(toSeedRole);
