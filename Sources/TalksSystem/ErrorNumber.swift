#if canImport(Glibc)
import Glibc
#endif

/// Names an `errno` value in words: its symbolic name and the C library's text.
///
/// `strerror` alone ("No such file or directory") is what a user reads, but the symbolic
/// name (`ENOENT`) is what they search for and what the man pages list, so messages give
/// both: `ENOENT (No such file or directory)`. The names come from Glibc's own constants,
/// so they are right for the platform the program was built for.
public enum ErrorNumber {
    /// `ENOSPC (No space left on device)`; an unknown value reads `errno 999 (Unknown error 999)`.
    public static func describe(_ code: Int32) -> String {
        "\(name(of: code)) (\(reason(for: code)))"
    }

    /// The symbolic name (`ENOSPC`), or `errno 999` for a value this table does not know.
    public static func name(of code: Int32) -> String {
        names[code] ?? "errno \(code)"
    }

    /// The C library's text for `code` (`strerror`).
    public static func reason(for code: Int32) -> String {
        guard let text = strerror(code) else { return "unknown error" }
        return String(cString: text)
    }

    /// Every Linux `errno` name, one per value. Aliases (`EWOULDBLOCK` = `EAGAIN`,
    /// `EDEADLOCK` = `EDEADLK`, `ENOTSUP` = `EOPNOTSUPP`) go by their first name.
    private static let names: [Int32: String] = Dictionary(pairs, uniquingKeysWith: { first, _ in first })

    private static let pairs: [(Int32, String)] = [
        (EPERM, "EPERM"), (ENOENT, "ENOENT"), (ESRCH, "ESRCH"), (EINTR, "EINTR"), (EIO, "EIO"),
        (ENXIO, "ENXIO"), (E2BIG, "E2BIG"), (ENOEXEC, "ENOEXEC"), (EBADF, "EBADF"),
        (ECHILD, "ECHILD"), (EAGAIN, "EAGAIN"), (ENOMEM, "ENOMEM"), (EACCES, "EACCES"),
        (EFAULT, "EFAULT"), (ENOTBLK, "ENOTBLK"), (EBUSY, "EBUSY"), (EEXIST, "EEXIST"),
        (EXDEV, "EXDEV"), (ENODEV, "ENODEV"), (ENOTDIR, "ENOTDIR"), (EISDIR, "EISDIR"),
        (EINVAL, "EINVAL"), (ENFILE, "ENFILE"), (EMFILE, "EMFILE"), (ENOTTY, "ENOTTY"),
        (ETXTBSY, "ETXTBSY"), (EFBIG, "EFBIG"), (ENOSPC, "ENOSPC"), (ESPIPE, "ESPIPE"),
        (EROFS, "EROFS"), (EMLINK, "EMLINK"), (EPIPE, "EPIPE"), (EDOM, "EDOM"),
        (ERANGE, "ERANGE"), (EDEADLK, "EDEADLK"), (ENAMETOOLONG, "ENAMETOOLONG"),
        (ENOLCK, "ENOLCK"), (ENOSYS, "ENOSYS"), (ENOTEMPTY, "ENOTEMPTY"), (ELOOP, "ELOOP"),
        (ENOMSG, "ENOMSG"), (EIDRM, "EIDRM"), (ECHRNG, "ECHRNG"), (EL2NSYNC, "EL2NSYNC"),
        (EL3HLT, "EL3HLT"), (EL3RST, "EL3RST"), (ELNRNG, "ELNRNG"), (EUNATCH, "EUNATCH"),
        (ENOCSI, "ENOCSI"), (EL2HLT, "EL2HLT"), (EBADE, "EBADE"), (EBADR, "EBADR"),
        (EXFULL, "EXFULL"), (ENOANO, "ENOANO"), (EBADRQC, "EBADRQC"), (EBADSLT, "EBADSLT"),
        (EBFONT, "EBFONT"), (ENOSTR, "ENOSTR"), (ENODATA, "ENODATA"), (ETIME, "ETIME"),
        (ENOSR, "ENOSR"), (ENONET, "ENONET"), (ENOPKG, "ENOPKG"), (EREMOTE, "EREMOTE"),
        (ENOLINK, "ENOLINK"), (EADV, "EADV"), (ESRMNT, "ESRMNT"), (ECOMM, "ECOMM"),
        (EPROTO, "EPROTO"), (EMULTIHOP, "EMULTIHOP"), (EDOTDOT, "EDOTDOT"),
        (EBADMSG, "EBADMSG"), (EOVERFLOW, "EOVERFLOW"), (ENOTUNIQ, "ENOTUNIQ"),
        (EBADFD, "EBADFD"), (EREMCHG, "EREMCHG"), (ELIBACC, "ELIBACC"), (ELIBBAD, "ELIBBAD"),
        (ELIBSCN, "ELIBSCN"), (ELIBMAX, "ELIBMAX"), (ELIBEXEC, "ELIBEXEC"), (EILSEQ, "EILSEQ"),
        (ERESTART, "ERESTART"), (ESTRPIPE, "ESTRPIPE"), (EUSERS, "EUSERS"),
        (ENOTSOCK, "ENOTSOCK"), (EDESTADDRREQ, "EDESTADDRREQ"), (EMSGSIZE, "EMSGSIZE"),
        (EPROTOTYPE, "EPROTOTYPE"), (ENOPROTOOPT, "ENOPROTOOPT"),
        (EPROTONOSUPPORT, "EPROTONOSUPPORT"), (ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT"),
        (EOPNOTSUPP, "EOPNOTSUPP"), (EPFNOSUPPORT, "EPFNOSUPPORT"),
        (EAFNOSUPPORT, "EAFNOSUPPORT"), (EADDRINUSE, "EADDRINUSE"),
        (EADDRNOTAVAIL, "EADDRNOTAVAIL"), (ENETDOWN, "ENETDOWN"), (ENETUNREACH, "ENETUNREACH"),
        (ENETRESET, "ENETRESET"), (ECONNABORTED, "ECONNABORTED"), (ECONNRESET, "ECONNRESET"),
        (ENOBUFS, "ENOBUFS"), (EISCONN, "EISCONN"), (ENOTCONN, "ENOTCONN"),
        (ESHUTDOWN, "ESHUTDOWN"), (ETOOMANYREFS, "ETOOMANYREFS"), (ETIMEDOUT, "ETIMEDOUT"),
        (ECONNREFUSED, "ECONNREFUSED"), (EHOSTDOWN, "EHOSTDOWN"),
        (EHOSTUNREACH, "EHOSTUNREACH"), (EALREADY, "EALREADY"), (EINPROGRESS, "EINPROGRESS"),
        (ESTALE, "ESTALE"), (EUCLEAN, "EUCLEAN"), (ENOTNAM, "ENOTNAM"), (ENAVAIL, "ENAVAIL"),
        (EISNAM, "EISNAM"), (EREMOTEIO, "EREMOTEIO"), (EDQUOT, "EDQUOT"),
        (ENOMEDIUM, "ENOMEDIUM"), (EMEDIUMTYPE, "EMEDIUMTYPE"), (ECANCELED, "ECANCELED"),
        (ENOKEY, "ENOKEY"), (EKEYEXPIRED, "EKEYEXPIRED"), (EKEYREVOKED, "EKEYREVOKED"),
        (EKEYREJECTED, "EKEYREJECTED"), (EOWNERDEAD, "EOWNERDEAD"),
        (ENOTRECOVERABLE, "ENOTRECOVERABLE"), (ERFKILL, "ERFKILL"), (EHWPOISON, "EHWPOISON"),
    ]
}
