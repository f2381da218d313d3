package io.dora.ui.sql.internal.text;

import org.eclipse.swt.graphics.Color;

/** The colours of MongoDB statements beyond those SQL has: operators and keys. */
record MongoColors(Color keyword, Color number, Color operator, Color key) {
}
