// The page Roleboard was first asked to serve (db/seed/original/backend-software-engineer.md), as data.
// Every fact and sentence of that page lives here; the salary prose takes its number from the stats.
import type { SeedRole } from './types';

export const backendSoftwareEngineer: SeedRole = {
  slug: 'backend-software-engineer',
  title: 'Backend Software Engineer',
  categorySlug: 'computer-and-mathematical',
  summary:
    'Backend Software Engineers build and maintain the server-side systems, logic and algorithms that power software applications.',
  salaryTemplate:
    'Backend Software Engineers enjoy competitive salaries in the software and technology industry. The average salary for this role is {averageSalary} per year. This figure is based on extensive research on job postings and publicly available data.',
  responsibilitiesIntro:
    'Backend Software Engineers play a crucial role in developing and maintaining the core infrastructure of software applications. Their primary focus is on the server-side development and implementation of logic and algorithms that power various software systems. Their responsibilities typically include:',
  responsibilities: [
    'Designing, coding, and testing backend systems to ensure functionality, performance, and reliability.',
    'Collaborating with other teams, such as frontend developers, to integrate backend systems with user interfaces.',
    'Optimizing application performance, scalability, and security.',
    'Troubleshooting and resolving issues that arise in the production environment.',
    'Keeping up with emerging technologies and industry trends to continually improve backend practices.',
  ],
  responsibilitiesOutro:
    'Backend Software Engineers are also expected to possess strong problem-solving skills, attention to detail, and the ability to work independently or as part of a team. They often work closely with other members of the development team, such as frontend developers, database administrators, and product managers.',
  howToBecomeIntro:
    "Becoming a Backend Software Engineer typically requires a combination of education, experience, and technical skills. While formal education is not always a strict requirement in this field, a bachelor's degree in Computer Science or a related field can greatly enhance job prospects.\n\nTo embark on a career as a Backend Software Engineer, consider the following steps:",
  howToBecomeSteps: [
    {
      heading: 'Obtain a degree',
      body: "Pursue a bachelor's degree in Computer Science, Software Engineering, or a related field. While not mandatory, a degree can open doors to more opportunities and provide a solid foundation in programming concepts, data structures, algorithms, and software development methodologies.",
    },
    {
      heading: 'Gain hands-on experience',
      body: 'Acquiring practical experience is essential in the software industry. Start by working on personal projects or contributing to open-source initiatives. These experiences can showcase your skills and passion for backend development while also providing valuable insights into industry best practices.',
    },
    {
      heading: 'Master programming languages and frameworks',
      body: 'Backend Software Engineers should have a strong command of programming languages commonly used in backend development, such as Python, Java, C#, or Ruby. Additionally, proficiency in frameworks like Django, Spring, or Ruby on Rails is highly valuable. Continually expanding your knowledge and staying up to date with the latest tools and technologies can give you a competitive edge.',
    },
    {
      heading: 'Build a portfolio',
      body: 'A well-curated portfolio of your past projects and contributions can be a powerful asset when applying for backend software engineering roles. Showcasing your ability to deliver high-quality code and solve complex problems will impress potential employers and demonstrate your expertise.',
    },
    {
      heading: 'Networking and continuous learning',
      body: 'Engage with the developer community by attending meetups, conferences, and online forums. Networking can lead to mentorship opportunities, job referrals, and exposure to new ideas and methodologies. Additionally, strive for continuous learning by staying informed about emerging technologies, industry trends, and best practices. This can help you stay competitive and adaptable in a rapidly evolving field.',
    },
  ],
  howToBecomeOutro:
    'By following these steps and building a solid foundation of technical skills and experience, you can pave the way for a successful career as a Backend Software Engineer.',
  stats: {
    jobOpenings: 1,
    averageSalary: 110000,
    currency: 'USD',
    degreeRequirementPercent: 100,
    percentiles: null,
    asOf: '2026-11-01',
    source: 'Extensive research on job postings and publicly available data (the original Roleboard page).',
  },
};
