using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Learning.Study;

/// <summary>What the quiz pages share: a learner's attempts at a quiz lesson, and the questions they drew.</summary>
public static class QuizSteps
{
    public static Task<List<QuizAttempt>> AttemptsAsync(TrainingDbContext db, int personId, int lessonId, CancellationToken ct) =>
        db.QuizAttempts.Where(a => a.PersonId == personId && a.LessonId == lessonId).OrderBy(a => a.Number).ToListAsync(ct);

    public static Task<List<Question>> QuestionsOfAsync(TrainingDbContext db, QuizAttempt attempt, CancellationToken ct)
    {
        var ids = attempt.Items.Select(i => i.QuestionId).ToList();
        return db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync(ct);
    }
}
