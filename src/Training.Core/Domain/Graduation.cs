namespace Training.Core.Domain;

/// <summary>
/// Whether a participant graduates (已结业): every condition the class sets is met — attendance when the class has
/// sessions, 必修 and 选修 hours within its dates, each required course completed, each required quiz passed.
/// As soon as all are met the participant is 已结业; after the class's last day otherwise 未结业; before, 学习中.
/// A class asking nothing at all (no session, no condition) has nothing to graduate from.
/// </summary>
public static class Graduation
{
    public static GraduationResult Evaluate(GraduationTerms terms, GraduationFacts facts, DateOnly today)
    {
        var checks = new List<GraduationCheck>();
        if (terms.Sessions > 0)
            checks.Add(new GraduationCheck(GraduationCondition.Attendance, null,
                SessionsNeeded(terms.Sessions, terms.CompletionPercent), facts.Attended));
        if (terms.RequiredHours is { } required)
            checks.Add(new GraduationCheck(GraduationCondition.RequiredHours, null, required, facts.RequiredHours));
        if (terms.ElectiveHours is { } elective)
            checks.Add(new GraduationCheck(GraduationCondition.ElectiveHours, null, elective, facts.ElectiveHours));
        checks.AddRange(terms.Courses.Select(c =>
            new GraduationCheck(GraduationCondition.Course, c, 1, facts.CompletedCourses.Contains(c.Id) ? 1 : 0)));
        checks.AddRange(terms.Quizzes.Select(q =>
            new GraduationCheck(GraduationCondition.Quiz, q, 1, facts.PassedQuizzes.Contains(q.Id) ? 1 : 0)));

        var completion = checks.Count > 0 && checks.All(c => c.Met) ? ClassCompletion.Completed
            : today > terms.EndOn ? ClassCompletion.NotCompleted
            : ClassCompletion.InProgress;
        return new GraduationResult(checks, completion);
    }

    /// <summary>The fewest sessions that reach the threshold: the same rule as <see cref="TrainingClass.Completes"/>.</summary>
    public static int SessionsNeeded(int sessions, int completionPercent) => (completionPercent * sessions + 99) / 100;
}
