using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>IMPORT-EXPORT.md "Offline study hours import": the rules of one record of training elsewhere.</summary>
public sealed class OfflineStudyRecordTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static OfflineStudyRecord Record(decimal hours = 4, DateOnly? on = null, string? title = "专题培训", string? organizer = "白云区委组织部") =>
        OfflineStudyRecord.Record(7, on ?? Today, hours, required: true, title, organizer, importRunId: null, "district", Today, Now);

    [Theory]
    [InlineData("0.5")]
    [InlineData("1")]
    [InlineData("7.5")]
    [InlineData("80")]
    public void Hours_from_half_to_eighty_in_steps_of_a_half_are_recorded(string hours) =>
        Assert.Equal(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture),
            Record(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)).Hours);

    [Theory]
    [InlineData("0")]
    [InlineData("0.3")]
    [InlineData("1.25")]
    [InlineData("80.5")]
    [InlineData("-1")]
    public void Other_hours_are_refused_on_the_hours_field(string hours)
    {
        var e = Assert.Throws<DomainException>(() => Record(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(nameof(OfflineStudyRecord.Hours), e.Field);
    }

    [Fact]
    public void A_day_after_today_is_refused_and_today_is_recorded()
    {
        Assert.Equal(nameof(OfflineStudyRecord.On), Assert.Throws<DomainException>(() => Record(on: Today.AddDays(1))).Field);
        Assert.Equal(Today, Record(on: Today).On);
    }

    [Theory]
    [InlineData(null, "白云区委组织部", nameof(OfflineStudyRecord.Title))]
    [InlineData("  ", "白云区委组织部", nameof(OfflineStudyRecord.Title))]
    [InlineData("专题培训", "", nameof(OfflineStudyRecord.Organizer))]
    public void A_training_needs_its_name_and_organiser(string? title, string? organizer, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => Record(title: title, organizer: organizer)).Field);

    [Fact]
    public void Names_longer_than_a_hundred_characters_are_refused_and_spaces_do_not_count_in_the_key()
    {
        Assert.Equal(nameof(OfflineStudyRecord.Title), Assert.Throws<DomainException>(() => Record(title: new string('训', 101))).Field);
        Assert.Equal(nameof(OfflineStudyRecord.Organizer), Assert.Throws<DomainException>(() => Record(organizer: new string('委', 101))).Field);
        Assert.Equal("专题 培训", Record(title: "  专题   培训 ").Title);
    }

    [Fact]
    public void Its_ledger_entry_is_an_offline_credit_naming_the_stored_record()
    {
        var record = Record(hours: 7.5m);
        Assert.Throws<InvalidOperationException>(record.Credit); // not stored yet: no id to name
        typeof(OfflineStudyRecord).GetProperty(nameof(OfflineStudyRecord.Id))!.SetValue(record, 42);

        var entry = record.Credit();

        Assert.Equal((7, Today, 7.5m, true, StudySource.Offline, (int?)42, "district"),
            (entry.PersonId, entry.On, entry.Hours, entry.Required, entry.Source, entry.SourceId, entry.RecordedBy));
    }
}
