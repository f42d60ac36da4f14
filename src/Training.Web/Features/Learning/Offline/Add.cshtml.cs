using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Learning.Offline;

/// <summary>
/// 登记线下学时: one person's training elsewhere entered by hand (CityAdmin, DistrictStaff, persons in
/// their scope), with the rules and the key of the 线下学时 import: the record and its ledger entry in
/// one transaction, audited, the recorder named. A wrong entry is reversed with a reason on the
/// person's 学时 page, as any other.
/// </summary>
[Authorize(Policy = LearningPermissions.Offline)]
public sealed class AddModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>The form as typed (strings, so that a bad value comes back as typed with its message).</summary>
    public sealed class OfflineForm
    {
        public string? On { get; set; }
        public string? Hours { get; set; }
        /// <summary>"true" for 必修, "false" for 选修.</summary>
        public string? Required { get; set; }
        public string? Title { get; set; }
        public string? Organizer { get; set; }
    }

    [BindProperty] public OfflineForm Input { get; set; } = new();

    public int PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string Today { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct)) return NotFound();
        Input.On ??= Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int personId, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct)) return NotFound();
        var on = ModelState.Date("Input.On", Input.On, OfflineTexts.DateLabel);
        var hours = ModelState.Hours("Input.Hours", Input.Hours, OfflineTexts.HoursLabel);
        bool? required = Input.Required switch { "true" => true, "false" => false, _ => null };
        if (required is null) ModelState.AddModelError("Input.Required", OfflineTexts.ChooseCategory);
        if (!ModelState.IsValid || on is null || hours is null || required is null) return this.Unprocessable();

        var title = OfflineStudyRecord.KeyTitle(Input.Title);
        if (await db.OfflineStudy.AnyAsync(r => r.PersonId == personId && r.On == on && r.Title == title, ct))
        {
            ModelState.AddModelError("Input.Title", OfflineTexts.AlreadyRecorded(on.Value, title));
            return this.Unprocessable();
        }

        StepResult result = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            result = await db.ActAsync(async () =>
            {
                var now = clock.UtcNow();
                var record = OfflineStudyRecord.Record(personId, on.Value, hours.Value, required.Value, Input.Title, Input.Organizer,
                    importRunId: null, me.Actor, clock.Today(), now);
                db.OfflineStudy.Add(record);
                if (!await SavedAsync(ct)) throw new DomainException(OfflineTexts.AlreadyRecorded(on.Value, record.Title), nameof(OfflineStudyRecord.Title));
                db.StudyLedger.Add(record.Credit());
                db.Audit.Add(new AuditEntry(me.UserName, OfflineTexts.AddedAudit,
                    OfflineTexts.AddedDetail(PersonName, record.On, record.Hours, record.Required, record.Title, record.Organizer), now));
                return OfflineTexts.Added(PersonName, record.Hours);
            }, ct, personId);
            if (result.IsDone) await tx.CommitAsync(ct);
        });
        return await this.AnswerAsync(result, () => RedirectToPage("/Learning/Ledger", new { id = personId, Year = on.Value.Year }), () => Task.CompletedTask);
    }

    /// <summary>Saves the record; false when the same key was recorded meanwhile (the unique index refused it).</summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().InScope(me).Where(p => p.Id == personId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (person is null) return false;
        (PersonId, PersonName) = (person.Id, person.Name);
        Today = FormInput.DateText(clock.Today());
        return true;
    }
}
