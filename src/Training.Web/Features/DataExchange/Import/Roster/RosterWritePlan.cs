using Training.Core.Domain;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>写入: the new and changed rows of every sheet, in the order their foreign keys need, by the one bulk writer.</summary>
internal sealed class RosterWritePlan(RosterRun run, List<(Person Owner, EducationRecord Record)> records, List<Post> posts,
    List<(Enrollment Owner, EnrollmentTransition Transition)> transitions)
{
    public async Task WriteAsync(BulkWriter writer, CancellationToken ct)
    {
        await writer.InsertAsync(run.NewUnits, ct);
        await writer.UpdateAsync(run.ChangedUnits, ct);
        await writer.InsertAsync(run.NewPersons, ct);
        await writer.UpdateAsync(run.ChangedPersons, ct);
        await writer.InsertAsync(records.Select(r => r.Record).ToList(), ct, (nameof(EducationRecord.PersonId), Owner(records)));
        await writer.InsertAsync(posts, ct);
        await writer.UpdateAsync(run.ChangedPosts, ct);
        await writer.InsertAsync(run.NewSchools, ct);
        await writer.InsertAsync(run.NewPrograms, ct);
        await writer.InsertAsync(run.NewCohorts, ct);
        await writer.InsertAsync(run.NewEnrollments, ct);
        await writer.UpdateAsync(run.ChangedEnrollments, ct);
        await writer.InsertAsync(transitions.Select(t => t.Transition).ToList(), ct,
            (nameof(EnrollmentTransition.EnrollmentId), Owner(transitions)));
        await writer.InsertAsync(run.NewReserves, ct);
        await writer.UpdateAsync(run.ChangedReserves, ct);
    }

    /// <summary>The owner's key for a child the owner's collection holds (the child has no navigation to it).</summary>
    private static Func<TChild, object> Owner<TOwner, TChild>(List<(TOwner Owner, TChild Child)> pairs)
        where TOwner : class where TChild : class
    {
        var owners = new Dictionary<TChild, TOwner>(ReferenceEqualityComparer.Instance);
        foreach (var (owner, child) in pairs) owners[child] = owner;
        var key = typeof(TOwner).GetProperty("Id")!;
        return child => key.GetValue(owners[child])!;
    }
}
