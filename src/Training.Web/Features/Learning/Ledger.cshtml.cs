using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning;

/// <summary>
/// One person's 学时 ledger as staff in scope see it (LEARNING.md §5), with the year's sums against the
/// target, and 冲销: a wrong entry is never changed or removed; it is cancelled by a reversing entry with
/// a reason, once (the database refuses a second), audited.
/// </summary>
[Authorize(Policy = LearningPermissions.Correct)]
public sealed class LedgerModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, FiguresMemo memo) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public int EntryId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <param name="Training">For a 线下培训 entry: its 培训名称 and 主办单位.</param>
    public sealed record EntryRow(int Id, DateOnly On, decimal Hours, bool Required, StudySource Source, string RecordedBy, string? Reason, bool Reversed, bool IsReversal,
        OfflineTraining? Training);

    public sealed record OfflineTraining(string Title, string Organizer);

    /// <summary>Whether the account may add an offline entry for the person (<see cref="LearningPermissions.Offline"/>).</summary>
    public bool MayAddOffline { get; private set; }

    public string PersonName { get; private set; } = "";
    public int PersonId { get; private set; }
    public LearnerHours Summary { get; private set; } = null!;
    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReverseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var original = await db.StudyLedger.SingleOrDefaultAsync(e => e.Id == EntryId && e.PersonId == id, ct);
        if (original is null) return NotFound();
        var already = await db.StudyLedger.AnyAsync(e => e.ReversesId == original.Id, ct);
        var training = original.Source == StudySource.Offline
            ? await db.OfflineStudy.AsNoTracking().Where(o => o.Id == original.SourceId).Select(o => new OfflineTraining(o.Title, o.Organizer)).FirstOrDefaultAsync(ct)
            : null;
        var result = await db.ActAsync(() =>
        {
            var reversal = StudyLedgerEntry.ReversalOf(original, Reason, already, original.On, me.Actor, clock.UtcNow());
            db.StudyLedger.Add(reversal);
            var source = training is null ? original.Source.Name() : LearningTexts.OfflineSource(original.Source.Name(), training.Title, training.Organizer);
            db.Audit.Add(new AuditEntry(me.UserName, LearningTexts.ReversedAudit,
                LearningTexts.ReversalDetail(PersonName, original.On, original.Hours, source, reversal.Reason!), clock.UtcNow()));
            return LearningTexts.Reversed(PersonName, original.Hours);
        }, ct, id);
        return await this.AnswerAsync(result, () => RedirectToPage(new { id, Year }), () => Task.CompletedTask, fieldPrefix: null);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var today = clock.Today();
        var year = Year is { } y && y is >= 2000 and <= 2100 ? y : today.Year;
        Year = year;
        // The person's name and the year's entries kept until the person, the ledger or an offline record changes (a
        // township opens its people's ledgers often; the ledger moves when something is credited, not with a heartbeat).
        var kept = await memo.GetAsync($"StaffLedger|{id}|{year}", LedgerFollows, c => ReadAsync(id, year, c), ct);
        if (kept is null) return false;
        (PersonId, PersonName, Entries) = (id, kept.Name, kept.Entries);
        Summary = await LearnerHours.KeptAsync(memo, db, id, year, today, ct);
        MayAddOffline = (await authorization.AuthorizeAsync(User, LearningPermissions.Offline)).Succeeded;
        return true;
    }

    private sealed record Kept(string Name, IReadOnlyList<EntryRow> Entries);

    private static readonly string[] LedgerFollows =
        DataStamps.SubjectsOf(typeof(Person), typeof(StudyLedgerEntry), typeof(OfflineStudyRecord));

    private async Task<Kept?> ReadAsync(int id, int year, CancellationToken ct)
    {
        var name = await db.Persons.AsNoTracking().InScope(me).Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var entries = await db.StudyLedger.AsNoTracking().Where(e => e.PersonId == id && e.On >= from && e.On <= to)
            .OrderByDescending(e => e.On).ThenByDescending(e => e.Id)
            .Select(e => new EntryRow(e.Id, e.On, e.Hours, e.Required, e.Source, e.RecordedBy, e.Reason,
                db.StudyLedger.Any(r => r.ReversesId == e.Id), e.ReversesId != null,
                e.Source == StudySource.Offline
                    ? db.OfflineStudy.Where(o => o.Id == e.SourceId).Select(o => new OfflineTraining(o.Title, o.Organizer)).FirstOrDefault()
                    : null))
            .ToListAsync(ct);
        return new Kept(name, entries);
    }
}
