using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Tests.Infrastructure.Builders;

public static class TestAssignments
{
    /// <summary>
    /// <paramref name="courseId"/> assigned by <paramref name="ownerCode"/> to the 两委干部 (or another category) of
    /// <paramref name="unitCode"/> and below, from today to <paramref name="dueOn"/> (a month on by default). Its id.
    /// </summary>
    public static Task<int> AssignAsync(this AppFixture app, int courseId, string unitCode, string ownerCode = "440100",
        AssignedCategory category = AssignedCategory.TwoCommitteeCadre, bool required = true, DateOnly? startOn = null, DateOnly? dueOn = null) =>
        app.WithDbAsync(async db =>
        {
            var course = await db.Courses.SingleAsync(c => c.Id == courseId);
            var owner = await db.OrgUnits.SingleAsync(u => u.Code == ownerCode);
            var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode);
            var a = Assignment.ToCategory(owner, course, required, startOn ?? TestPeople.Today, dueOn ?? TestPeople.Today.AddMonths(1), unit, category, "test", DateTime.UtcNow);
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
}
