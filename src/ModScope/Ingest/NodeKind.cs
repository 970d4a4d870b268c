namespace ModScope.Ingest;

/// <summary>What a path names once symbolic links are followed (see <see cref="FileNode"/>).</summary>
internal enum NodeKind
{
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    /// <summary>Nothing there (or a link to nothing).</summary>
    Missing,
    /// <summary>A chain of symbolic links that never ends.</summary>
    LinkLoop,
    Other,
}
