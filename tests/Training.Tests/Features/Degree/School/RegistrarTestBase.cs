using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Infrastructure;

using Training.Tests.Infrastructure.Builders;

// Not "…Features.Degree.School": that namespace would hide Training.Core.Domain.School in the other test folders.
namespace Training.Tests.Features.Degree.Registrar;

/// <summary>The school registrar (PRODUCT.md §5 "Graduation"): its own school only; graduation raises education, never lowers it.</summary>
public abstract class RegistrarTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected static string DetailsUrl(int id) => $"/School/Details/{id}";

    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        using (var page = await client.GetAsync(DetailsUrl(id)))
            fields["Version"] = (await page.ReadHtmlAsync()).QuerySelector("input[name=Version]")?.GetAttribute("value") ?? "";
        return await client.PostFormAsync(DetailsUrl(id), $"{DetailsUrl(id)}?handler={handler}", fields);
    }

    protected static Dictionary<string, string> Graduation(string on, string certificate = "GZCVU-2025-0001") =>
        new() { ["Graduation.On"] = on, ["Graduation.Certificate"] = certificate };

    protected Task<(EnrollmentState State, DateOnly? GraduatedOn, DateOnly? WithdrawnOn, string? Certificate, Education Education)> StoredAsync(int enrollmentId) =>
        app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == enrollmentId)
            .Select(e => new ValueTuple<EnrollmentState, DateOnly?, DateOnly?, string?, Education>(e.State, e.GraduatedOn, e.WithdrawnOn, e.CertificateNumber, e.Person.Education))
            .SingleAsync());
}
