using Training.Core.Domain;
using Training.Web.Features.Learning.Study;
using Training.Web.Features.Demo.Plan;

namespace Training.Web.Features.Demo.Learning;

/// <summary>
/// The demo's online learning (issue 13): the catalogue of <see cref="DemoCourses"/> and, for
/// about three thousand of the city's 两委干部, where they stand in the city's 必修 courses — some
/// finished (with the ledger entry that went with it, on a day of this year), many part way, some
/// not started — plus trainee-demo's own: one course finished, one under way. Deterministic: same
/// day, same rows. Nothing here touches a figure of the 2019 statistics.
/// </summary>
internal sealed class DemoLearning(DemoStore store, DateOnly today)
{
    /// <summary>Every how many-th 两委干部 of the real city studies online in the demo (about 3,000 of 20,000).</summary>
    private const int LearnerEvery = 7;

    public int Courses { get; private set; }
    public int ProgressRows { get; private set; }
    public int LedgerEntries { get; private set; }

    private readonly List<(DemoCourse Plan, Course Course)> _courses = [];

    /// <summary>The catalogue; stored (and given ids) before anyone's progress is added.</summary>
    public void AddCourses(IReadOnlyDictionary<string, OrgUnit> units, DemoFiles files)
    {
        var videos = files.Videos;
        foreach (var plan in DemoCourses.All)
        {
            var course = Course.Create(units[plan.Owner], plan.Title, plan.Category, plan.Description, quizEarnsHours: plan.Quiz);
            var textIndex = 0;
            foreach (var l in plan.Lessons)
            {
                if (l.Pdf > 0 && l.Pdf <= files.Pdfs.Count)
                    course.AddFile(l.Title, files.Pdfs[l.Pdf - 1].StoredName, files.Pdfs[l.Pdf - 1].Bytes, files.Pdfs[l.Pdf - 1].Pages, l.Minutes * 60, l.Optional);
                else if (l.Video > 0 && l.Video <= videos.Count)
                    course.AddVideo(l.Title, videos[l.Video - 1].StoredName, videos[l.Video - 1].Bytes, videos[l.Video - 1].Seconds, l.Optional);
                else
                    course.AddText(l.Title, l.Text ?? DemoLessonTexts.Lesson(plan.Category, l.Title, textIndex++), l.Optional);
            }
            if (plan.Quiz) course.AddQuiz(DemoCourses.QuizTitle, QuizRules.Create(3, 60, 3, null), optional: false);
            if (!plan.Draft) course.Publish();
            store.Add(course);
            foreach (var lesson in course.Lessons) store.Add(lesson);
            _courses.Add((plan, course));
        }
        Courses = _courses.Count;
    }

    /// <summary>
    /// This year's assignments: the city's 必修 courses for every 两委干部 of the city (the last one due at
    /// the end of September, so that some are overdue), a 白云区 course for its reserve pool, and a city
    /// course for the women cadres' class now running.
    /// </summary>
    public IReadOnlyList<Assignment> AddAssignments(IReadOnlyDictionary<string, OrgUnit> units, IReadOnlyList<TrainingClass> classes)
    {
        var city = units[DemoCourses.City];
        var baiyun = units[DemoCourses.Baiyun];
        var (start, end) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        var required = _courses.Where(c => c.Plan.CityRequired).Select(c => c.Course).ToList();
        var assignments = required.Select((c, i) => Assignment.ToCategory(city, c, true, start, i == required.Count - 1 ? new DateOnly(today.Year, 9, 30) : end,
            city, AssignedCategory.TwoCommitteeCadre, DemoDevelopment.Actor, At(start))).ToList();
        var baiyunCourse = _courses.First(c => c.Plan.Owner == DemoCourses.Baiyun && !c.Plan.Draft).Course;
        assignments.Add(Assignment.ToPool(baiyun, baiyunCourse, true, start, end, baiyun, DemoDevelopment.Actor, At(start)));
        var women = classes.First(c => c.SexOnly == Sex.Female && c.StartOn <= today && today <= c.EndOn);
        var local = classes.First(c => c.Owner == baiyun);
        assignments.Add(Assignment.ToClass(baiyun, BaiyunClassCourse, true, local.StartOn, local.EndOn, local, DemoDevelopment.Actor, At(local.StartOn)));
        assignments.Add(Assignment.ToClass(city, WomenClassCourse, true, women.StartOn, women.EndOn, women, DemoDevelopment.Actor, At(women.StartOn)));
        foreach (var a in assignments) store.Add(a);
        Assignments = assignments.Count;
        _cityRequired = assignments.Take(required.Count).ToList();
        return assignments;
    }

    private List<Assignment> _cityRequired = [];

    /// <summary>The course the 白云区 class studies online (a short one ending with a quiz).</summary>
    private Course BaiyunClassCourse => _courses.First(c => c.Plan.ForBaiyunClass).Course;

    /// <summary>The city course the women cadres' class now running studies online.</summary>
    private Course WomenClassCourse =>
        _courses.First(c => c.Plan.Category == CourseCategory.RuralRevitalisation && c.Plan.Owner == DemoCourses.City && !c.Plan.CityRequired).Course;

    /// <summary>
    /// Graduation conditions of the demo classes (the catalogue stored, the classes not yet): last year's women cadres'
    /// class asks 32 必修学时 within its dates, which its attendance gives those who came (so its graduates are those who
    /// attended enough); the one now running asks 24 必修学时 and its course; the 白云区 class its course, that course's
    /// quiz and 2 选修学时 — trainee-demo sees what is still missing.
    /// </summary>
    public void SetConditions(IReadOnlyList<TrainingClass> classes)
    {
        foreach (var c in classes)
        {
            if (c.Owner.Code == DemoCourses.Baiyun)
                c.SetConditions(null, 2, [BaiyunClassCourse], BaiyunClassCourse.Lessons.Where(l => l.Kind == LessonKind.Quiz).ToList());
            else if (c.EndOn < today)
                c.SetConditions(32, null, [], []);
            else
                c.SetConditions(24, null, [WomenClassCourse], []);
        }
    }

    public int Assignments { get; private set; }

    /// <summary>The question banks of the courses that end with a quiz (their courses stored, so they have ids).</summary>
    public void AddQuestions()
    {
        foreach (var (plan, course) in _courses.Where(c => c.Plan.Quiz))
            foreach (var q in DemoQuestions.ByCategory[plan.Category])
                store.Add(Question.Create(course.Id, q.Kind, q.Stem, q.Options, q.Correct, q.Explanation));
    }

    public void AddProgress(IReadOnlyList<(Person Person, ReserveCandidate? Reserve)> cityPeople, Person trainee)
    {
        var required = _cityRequired.Select(a => a.Course).ToList();
        var r = new Random(DemoPlan.Seed ^ 0x1EA4C0DE);
        var cadres = cityPeople.Select(p => p.Person).Where(p => p.IsTwoCommitteeCadreOn(today) && !ReferenceEquals(p, trainee)).ToList();
        for (var i = 0; i < cadres.Count; i += LearnerEvery)
            foreach (var course in required)
            {
                var x = r.NextDouble();
                if (x < 0.35) Finish(cadres[i], course, DayThisYear(r));
                else if (x < 0.75) PartWay(cadres[i], course, r);
            }

        // trainee-demo: the theory course finished in the spring, the party-building course under way.
        Finish(trainee, required[0], new DateOnly(today.Year, 4, 15) < today ? new DateOnly(today.Year, 4, 15) : today);
        Start(trainee, required[1].Lessons[0], completed: true, At(today.AddDays(-3)));
        Start(trainee, required[1].Lessons[1], completed: false, At(today.AddDays(-1)));
    }

    /// <summary>A course finished on <paramref name="on"/>: 必修 when its city assignment was in force that day, as the portal would have credited it.</summary>
    private void Finish(Person person, Course course, DateOnly on)
    {
        foreach (var lesson in course.Lessons.Where(l => !l.Optional)) Start(person, lesson, completed: true, At(on));
        var isRequired = _cityRequired.Any(a => a.Course == course && a.Required && a.IsInForceOn(on));
        store.Add(StudyLedgerEntry.Credit(person.Id, on, course.Hours, isRequired, StudySource.OnlineCourse, course.Id, StudyTexts.RecordedByCourse, At(on)));
        LedgerEntries++;
    }

    private void PartWay(Person person, Course course, Random r)
    {
        var lessons = course.Lessons.Where(l => !l.Optional).ToList();
        var done = r.Next(lessons.Count);
        var when = At(DayThisYear(r));
        for (var i = 0; i < done; i++) Start(person, lessons[i], completed: true, when);
        Start(person, lessons[done], completed: false, when);
    }

    /// <summary>A lesson studied through (credited as a learner who watched or read it all), or a third of the way.</summary>
    private void Start(Person person, Lesson lesson, bool completed, DateTime at)
    {
        var p = LessonProgress.Start(person.Id, lesson.Id);
        var seconds = completed ? lesson.DurationSeconds : lesson.DurationSeconds / 3.0;
        p.Record(seconds, seconds, lesson.Kind, lesson.DurationSeconds, at);
        if (completed && lesson.IsRead) p.MarkRead(lesson.Kind, lesson.DurationSeconds, at);
        store.Add(p);
        ProgressRows++;
    }

    private DateOnly DayThisYear(Random r)
    {
        var first = new DateOnly(today.Year, 1, 1);
        var days = today.DayNumber - first.DayNumber;
        return days <= 0 ? today : first.AddDays(r.Next(days));
    }

    /// <summary>A day's instant: 20:00 in China, when cadres study.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
}
