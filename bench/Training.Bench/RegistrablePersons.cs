using Microsoft.Data.Sqlite;
using Training.Core.Data.Personal;
using Training.Web.Infrastructure.Keys;

namespace Training.Bench;

/// <summary>
/// Party members with a phone and no account, who may register (RegisterModel's rule), read from a portal database
/// file with their ID numbers and phones decrypted by the portal's key: <c>keys</c> beside the database (the portal's
/// default data/keys beside data/training.db, as load.sh and learning.sh lay it out) unless given.
/// <c>Training.Bench registrable --db FILE --count N [--unit PATH] [--keys FOLDER]</c> prints them tab-separated.
/// </summary>
public static class RegistrablePersons
{
    public sealed record Person(string IdNumber, string Name, string Phone, int Id);

    /// <summary>The portal's personal-data key for a database file.</summary>
    public static PersonalDataCipher KeyOf(string dbFile, string? keysFolder = null) =>
        PersonalDataKey.FromFolder(keysFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dbFile))!, "keys"));

    /// <param name="unitPath">Only under this unit (an org path such as /440100/440111/); null: anywhere.</param>
    public static List<Person> Read(string dbFile, int count, string? unitPath = null, string? keysFolder = null)
    {
        var cipher = KeyOf(dbFile, keysFolder);
        using var connection = new SqliteConnection($"Data Source={dbFile};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.IdNumber, p.Name, p.Phone, p.Id FROM Persons p JOIN OrgUnits o ON o.Id = p.VillageId
            WHERE ($unit IS NULL OR (o.Path >= $unit AND o.Path < $unit || 'z')) AND p.PoliticalStatus IN (1, 2) AND p.Phone IS NOT NULL
              AND p.Id NOT IN (SELECT PersonId FROM AspNetUsers WHERE PersonId IS NOT NULL)
            ORDER BY p.Id LIMIT $count
            """;
        command.Parameters.AddWithValue("$unit", (object?)unitPath ?? DBNull.Value);
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var persons = new List<Person>();
        while (reader.Read())
            persons.Add(new Person(cipher.Unprotect(reader.GetString(0)), reader.GetString(1), cipher.Unprotect(reader.GetString(2)), reader.GetInt32(3)));
        return persons;
    }

    public static int Run(string[] args)
    {
        string? Option(string name) => BenchArgs.Option(args, name);
        if (Option("--db") is not { } db || !int.TryParse(Option("--count"), out var count))
        {
            Console.Error.WriteLine("usage: Training.Bench registrable --db FILE --count N [--unit PATH] [--keys FOLDER]");
            return 2;
        }
        foreach (var p in Read(db, count, Option("--unit"), Option("--keys"))) Console.WriteLine($"{p.IdNumber}\t{p.Name}\t{p.Phone}\t{p.Id}");
        return 0;
    }
}
