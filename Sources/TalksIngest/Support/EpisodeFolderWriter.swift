#if canImport(Glibc)
import Glibc
#endif
import TalksModel

/// Writes one episode folder of an archive atomically: the importers' (`import-feed`,
/// `import-ytdlp`) one way to put files into an archive.
///
/// The files are written into a hidden temporary folder in the archive, synced, then renamed
/// into place, so a crash leaves either no folder or a complete one. An existing folder is
/// swapped out by rename and removed afterwards; if the swap fails it is put back, so a
/// failed import never damages what is already there.
enum EpisodeFolderWriter {
    /// A file to write into the folder: its name there and its bytes.
    struct File: Sendable, Hashable {
        var name: String
        var bytes: [UInt8]
    }

    /// Writes `files` as the folder `archive`/`id`, replacing any folder of that name.
    static func write(_ files: [File], id: String, archive: String) throws(IngestError) {
        let folder = FileSystem.join(archive, id)
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = FileSystem.join(archive, ".import-\(id)-\(token)")
        try FileSystem.makeDirectory(temporary)
        do throws(IngestError) {
            for file in files {
                try FileSystem.writeNewFile(FileSystem.join(temporary, file.name), file.bytes)
            }
            FileSystem.syncDirectory(temporary)
            if FileSystem.kind(of: folder) != nil {
                let replaced = FileSystem.join(archive, ".replaced-\(id)-\(token)")
                try FileSystem.rename(folder, to: replaced)
                do throws(IngestError) {
                    try FileSystem.rename(temporary, to: folder)
                } catch {
                    try? FileSystem.rename(replaced, to: folder)
                    throw error
                }
                FileSystem.removeTree(replaced)
            } else {
                try FileSystem.rename(temporary, to: folder)
            }
        } catch {
            FileSystem.removeTree(temporary)
            throw error
        }
    }
}
