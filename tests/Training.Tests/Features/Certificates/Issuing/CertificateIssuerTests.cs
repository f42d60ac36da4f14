using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Certificates.Issuing;
using Training.Web.Infrastructure.Workflow;

namespace Training.Tests.Features.Certificates.Issuing;

/// <summary>
/// The one issuer under load: requests issuing at the same moment (as two web nodes would) each get a number of
/// their own, one person gets one certificate however often asked, a participant who has not graduated none;
/// the daily job issues what is missing and nothing the second time.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CertificateIssuerTests(AppFixture app)
{
    private async Task<StepResult> IssueInOwnScopeAsync(int classId, int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        return await CertificateIssuer.IssueAsync(db, classId, personId, "test", TestPeople.Today, DateTime.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task Should_give_every_certificate_issued_at_the_same_moment_a_number_of_its_own()
    {
        var g = await app.GraduateAsync();
        var persons = new List<int> { g.Trainee.PersonId };
        for (var i = 0; i < 5; i++) persons.Add((await app.AnotherGraduateAsync(g.ClassId)).PersonId);

        var results = await Task.WhenAll(persons.Select(p => Task.Run(() => IssueInOwnScopeAsync(g.ClassId, p))));

        Assert.All(results, r => Assert.True(r.IsDone, r.Message));
        var issued = await app.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.ClassId == g.ClassId).ToListAsync());
        Assert.Equal(persons.Order(), issued.Select(c => c.PersonId).Order());
        Assert.Equal(persons.Count, issued.Select(c => c.Number).Distinct().Count());
        Assert.Equal(persons.Count, issued.Select(c => c.Code).Distinct().Count());
        Assert.Equal(results.Select(r => r.Id).Order(), issued.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Should_issue_one_certificate_to_one_person_asked_several_times_at_once()
    {
        var g = await app.GraduateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => IssueInOwnScopeAsync(g.ClassId, g.Trainee.PersonId))));

        Assert.All(results, r => Assert.True(r.IsDone, r.Message));
        var id = Assert.Single(await app.WithDbAsync(db => db.Certificates.Where(c => c.ClassId == g.ClassId).Select(c => c.Id).ToListAsync()));
        Assert.All(results, r => Assert.Equal(id, r.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "颁发结业证书" && a.Detail.Contains(g.Trainee.Name))));
    }

    [Fact]
    public async Task Should_refuse_a_participant_who_has_not_graduated()
    {
        var g = await app.GraduateAsync(graduated: false);

        var result = await IssueInOwnScopeAsync(g.ClassId, g.Trainee.PersonId);

        Assert.Equal(StepStatus.Refused, result.Status);
        Assert.Contains("尚未结业", result.Message);
        Assert.False(await app.WithDbAsync(db => db.Certificates.AnyAsync(c => c.ClassId == g.ClassId)));
    }

    [Fact]
    public async Task Should_number_on_from_the_units_last_certificate_of_the_year()
    {
        var a = await app.GraduateAsync(ownerCode: "440118");
        var b = await app.GraduateAsync(ownerCode: "440118");
        var first = await app.CertificateAsync(await app.IssueAsync(a.ClassId, a.Trainee.PersonId));

        var second = await app.CertificateAsync(await app.IssueAsync(b.ClassId, b.Trainee.PersonId));

        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal($"440118-{TestPeople.Today.Year}-{second.Sequence:D5}", second.Number);
    }

    [Fact]
    public async Task Should_let_the_daily_job_issue_what_graduates_lack_and_nothing_the_second_time()
    {
        var g = await app.GraduateAsync();
        var other = await app.AnotherGraduateAsync(g.ClassId);
        await app.IssueAsync(g.ClassId, g.Trainee.PersonId);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IssueCertificatesJob>().RunForTodayAsync(CancellationToken.None);
        int again;
        await using (var scope = app.Services.CreateAsyncScope())
            again = await scope.ServiceProvider.GetRequiredService<IssueCertificatesJob>().RunForClassAsync(g.ClassId, CancellationToken.None);

        var holders = await app.WithDbAsync(db => db.Certificates.Where(c => c.ClassId == g.ClassId).Select(c => c.PersonId).ToListAsync());
        Assert.Equal([g.Trainee.PersonId, other.PersonId], holders.Order());
        Assert.Equal(0, again);
        var byJob = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.ClassId == g.ClassId && c.PersonId == other.PersonId));
        Assert.Equal("系统（每日颁发）", byJob.IssuedBy);
    }
}
