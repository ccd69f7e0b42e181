#ifndef ROTA_CLIBXML2_SHIM_H
#define ROTA_CLIBXML2_SHIM_H

// Debian's libxml2 headers pull in the system ICU, whose types clash with Foundation's own ICU
// module ("'UErrorCode' has different definitions in different modules"). rota never uses
// libxml2's ICU encoding support, so switch it off before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a mutable global function pointer, which Swift 6 rejects as not concurrency-safe;
/// this wrapper is the one way Swift code frees memory that libxml2 allocated.
static inline void rota_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
