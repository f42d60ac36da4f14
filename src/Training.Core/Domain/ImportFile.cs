namespace Training.Core.Domain;

/// <summary>The bytes of an uploaded file, apart from its run so that polling never loads them.</summary>
public class ImportFile
{
    private ImportFile() { Content = []; }

    public ImportFile(int importRunId, byte[] content)
    {
        ImportRunId = importRunId;
        Content = content;
    }

    public int ImportRunId { get; private set; }
    public byte[] Content { get; private set; }
}
