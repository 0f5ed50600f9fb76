/** The model-language SPI: {@link org.muster.lang.spi.ModelLanguage} and the request and result it works with. */
package org.muster.lang.spi;
