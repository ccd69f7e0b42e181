// libFuzzer entry point for the iCalendar reader: `make fuzz` compiles it together with the ICalendar
// sources using `swiftc -sanitize=fuzzer,address` and runs it over fixtures/ics for a bounded time.
// Any input must give a document or an ICalendarError; whatever reads must also write, and the
// written bytes must read back to the same document.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICalendarReader(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    guard let document = try? ICalendarReader.read(bytes) else { return 0 }
    let written = ICalendarWriter.write(document)
    guard let again = try? ICalendarReader.read(written) else {
        fatalError("the writer produced bytes the reader rejects")
    }
    if ICalendarWriter.write(again) != written {
        fatalError("write(read(write(x))) differs from write(x)")
    }
    return 0
}
