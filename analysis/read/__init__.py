"""Reading: files and saved pages, page layout, dates as pages write them."""
