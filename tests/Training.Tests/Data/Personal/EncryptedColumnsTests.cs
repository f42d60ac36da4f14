using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Data.Personal;
using Training.Core.Domain;
using Training.Tests.Features.DataExchange.Import.Roster;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Data.Personal;

/// <summary>
/// Issue 16 §6: ID numbers and phones are encrypted in the database, yet found by equality and kept unique; what an
/// earlier version wrote in clear text is encrypted at start, and a key that cannot read the data stops the start.
/// </summary>
public sealed class EncryptedColumnsTests : IAsyncLifetime
{
    private const string Phone = "13926001234";
    private EmptyDatabase _data = null!;

    public async Task InitializeAsync()
    {
        _data = await EmptyDatabase.CreateAsync();
        await _data.WithDbAsync(async db =>
        {
            var city = OrgUnit.CreateCity("440100", "广州市");
            var district = OrgUnit.CreateChild(city, "440111", "白云区");
            var township = OrgUnit.CreateChild(district, "440111103", "江高镇");
            var village = OrgUnit.CreateChild(township, "440111103201", "沙龙村", VillageKind.Village);
            db.OrgUnits.AddRange(city, district, township, village);
            db.Persons.Add(Person.Register(ValidId(), "张三", Phone, PoliticalStatus.PartyMember, Education.HighSchool, village,
                new DateOnly(2026, 12, 6), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string ValidId() => RosterFile.Id(new DateOnly(1980, 1, 1), 123);

    [Fact]
    public async Task Should_store_ID_numbers_and_phones_encrypted_and_still_find_them_by_equality()
    {
        var (storedId, storedPhone) = await RawAsync();

        Assert.StartsWith(PersonalDataCipher.SearchablePrefix, storedId);
        Assert.StartsWith(PersonalDataCipher.SearchablePrefix, storedPhone);
        Assert.DoesNotContain("19800101", storedId);
        Assert.DoesNotContain("1392600", storedPhone);
        var id = ValidId();
        await _data.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.Persons.CountAsync(p => p.IdNumber == id));
            Assert.Equal(1, await db.Persons.CountAsync(p => new List<string> { "440111198001011000", id }.Contains(p.IdNumber)));
            Assert.Equal(1, await db.Persons.CountAsync(p => p.Phone == Phone));
            var person = await db.Persons.AsNoTracking().SingleAsync();
            Assert.Equal((id, Phone), (person.IdNumber, person.Phone));
            return 0;
        });
    }

    [Fact]
    public async Task Should_refuse_a_second_person_with_the_same_ID_number()
    {
        await Assert.ThrowsAsync<DbUpdateException>(() => _data.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.SingleAsync(u => u.Code == "440111103201");
            db.Persons.Add(Person.Register(ValidId(), "李四", null, PoliticalStatus.PartyMember, Education.HighSchool, village,
                new DateOnly(2026, 12, 6), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Should_encrypt_at_start_what_an_earlier_version_wrote_in_clear_text()
    {
        await ExecuteAsync($"UPDATE \"Persons\" SET \"IdNumber\" = '{ValidId()}', \"Phone\" = '{Phone}'");

        var encrypted = await _data.WithDbAsync(db => ClearPersonalData.EncryptAsync(db, TestDatabases.Cipher, CancellationToken.None));

        Assert.Equal(1, encrypted);
        var (storedId, storedPhone) = await RawAsync();
        Assert.Equal(ValidId(), TestDatabases.Cipher.Unprotect(storedId));
        Assert.Equal(TestDatabases.Cipher.ProtectSearchable(Phone), storedPhone);
        Assert.Equal(0, await _data.WithDbAsync(db => ClearPersonalData.EncryptAsync(db, TestDatabases.Cipher, CancellationToken.None)));
    }

    [Fact]
    public async Task Should_refuse_to_start_with_a_key_that_cannot_read_what_is_encrypted()
    {
        var otherKey = new PersonalDataCipher(RandomNumberGenerator.GetBytes(32));
        await using var db = Context(otherKey);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ClearPersonalData.EncryptAsync(db, otherKey, CancellationToken.None));

        Assert.Contains("密钥与数据库不符", refused.Message);
        Assert.StartsWith(PersonalDataCipher.SearchablePrefix, (await RawAsync()).IdNumber);
    }

    [Fact]
    public async Task Should_build_a_model_per_key_so_two_keys_in_one_process_never_mix()
    {
        // The test run's key built its model first (InitializeAsync); a context with another key must write with its own.
        var otherKey = new PersonalDataCipher(RandomNumberGenerator.GetBytes(32));
        await using (var db = Context(otherKey))
        {
            var village = await db.OrgUnits.SingleAsync(u => u.Code == "440111103201");
            db.Persons.Add(Person.Register(RosterFile.Id(new DateOnly(1981, 2, 3), 7), "王五", "13800138000", PoliticalStatus.PartyMember,
                Education.HighSchool, village, new DateOnly(2026, 12, 6), DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var (_, storedPhone) = await RawAsync("\"Name\" = '王五'");
        Assert.Equal("13800138000", otherKey.Unprotect(storedPhone));
        Assert.ThrowsAny<CryptographicException>(() => TestDatabases.Cipher.Unprotect(storedPhone));
    }

    private TrainingDbContext Context(PersonalDataCipher cipher)
    {
        var options = new DbContextOptionsBuilder<TrainingDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_data.File}", cipher);
        return new TrainingDbContext(options.Options);
    }

    private async Task<(string IdNumber, string Phone)> RawAsync(string where = "1 = 1")
    {
        await using var connection = new SqliteConnection($"Data Source={_data.File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"IdNumber\", \"Phone\" FROM \"Persons\" WHERE {where}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_data.File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
