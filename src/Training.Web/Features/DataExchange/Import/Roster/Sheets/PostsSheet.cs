using Training.Core.Domain;

namespace Training.Web.Features.DataExchange.Import.Roster.Sheets;

/// <summary>任职: posts keyed by person, village, post and first day; the last day may change.</summary>
internal sealed class PostsSheet() : RosterSheet<PostRow>(RosterSheets.Posts)
{
    protected override PostRow? Parse(SheetRow row, RosterRun run) => RosterRows.Post(row, run.Today, run.Errors);

    public override IEnumerable<string> Codes => Rows.Select(r => r.VillageCode);

    public override IEnumerable<string> IdNumbers => Rows.Select(r => r.IdNumber);

    public override SheetCounts Check(RosterRun run)
    {
        const string sheet = RosterSheets.Posts;
        var c = new SheetCounter(sheet);
        var seen = new Dictionary<(string, string, PostType, DateOnly), int>();
        foreach (var r in Rows)
        {
            if (run.Duplicate(seen, (r.IdNumber, r.VillageCode, r.Type, r.Start), r.Row, sheet, RosterColumns.IdNumber, RosterColumns.Key(RosterColumns.IdNumber, RosterColumns.Village, RosterColumns.Post, RosterColumns.PostStart))) continue;
            var person = run.PersonOf(sheet, r.Row, r.IdNumber);
            var village = run.Village(sheet, r.Row, RosterColumns.Village, r.VillageCode);
            if (person is null || village is null) continue;
            var post = person.Posts.FirstOrDefault(p => p.Type == r.Type && p.StartDate == r.Start
                && (ReferenceEquals(p.Village, village) || (village.Id != 0 && p.VillageId == village.Id)));
            if (post is not null)
            {
                if (post.EndDate == r.End) { c.Unchanged++; continue; }
                run.Try(sheet, r.Row, RosterColumns.PostEnd, () => person.ChangePostEnd(post, r.End));
                if (post.Id != 0) run.ChangedPosts.Add(post);
                c.Updated++;
            }
            else
            {
                if (run.Try(sheet, r.Row, RosterColumns.PostStart, () => person.AddPost(village, r.Type, r.Start, r.End)) is null) continue;
                c.Added++;
            }
        }
        return c.Result();
    }
}
