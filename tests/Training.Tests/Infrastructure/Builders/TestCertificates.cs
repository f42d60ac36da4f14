using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Certificates.Issuing;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>A class's graduate (a trainee who attended its one session) and its certificate, made through the domain and the issuer.</summary>
public static class TestCertificates
{
    /// <summary>The class (run by <paramref name="ownerCode"/>, the city by default) and its participant with the trainee account.</summary>
    public sealed record Graduation(int ClassId, Trainee Trainee);

    /// <summary>A new trainee enrolled in a new class who attended (<paramref name="graduated"/>) or missed its one session, held yesterday.</summary>
    public static async Task<Graduation> GraduateAsync(this AppFixture app, bool graduated = true, string ownerCode = "440100")
    {
        var trainee = await app.TraineeAsync();
        var classId = await app.ClassAsync(ownerCode, startDay: -10, endDay: 20);
        var session = await app.SessionAsync(classId, -1);
        var participants = await app.EnrolAsync(classId, trainee.PersonId);
        await app.AttendanceAsync(classId, session, graduated ? participants : []);
        return new Graduation(classId, trainee);
    }

    /// <summary>Another graduate of the same class.</summary>
    public static async Task<Trainee> AnotherGraduateAsync(this AppFixture app, int classId)
    {
        var trainee = await app.TraineeAsync();
        var participants = await app.EnrolAsync(classId, trainee.PersonId);
        var present = await app.WithDbAsync(db => db.SessionAttendance.Where(a => a.Participant.ClassId == classId && a.Present)
            .Select(a => a.ParticipantId).Distinct().ToListAsync());
        var session = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.ClassId == classId).Select(s => s.Id).FirstAsync());
        await app.AttendanceAsync(classId, session, [.. present, .. participants]);
        return trainee;
    }

    /// <summary>Issues through the one issuer, as the unit's staff would; the certificate's id.</summary>
    public static async Task<int> IssueAsync(this AppFixture app, int classId, int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var result = await CertificateIssuer.IssueAsync(db, classId, personId, "test", TestPeople.Today, DateTime.UtcNow, CancellationToken.None);
        Assert.True(result.IsDone, result.Message);
        return result.Id;
    }

    public static Task<Certificate> CertificateAsync(this AppFixture app, int id) =>
        app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task RevokeAsync(this AppFixture app, int id, string reason = "测试撤销") =>
        app.WithDbAsync(async db =>
        {
            var c = await db.Certificates.SingleAsync(x => x.Id == id);
            c.Revoke(reason, "test", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
}
